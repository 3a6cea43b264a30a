"""Parsing runs with the GIL released: Python threads keep running while the library
parses, and a thread pool over a batch gives the serial results."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import govreport
from govreport import _native


def test_other_threads_run_while_a_batch_parses(generated):
    """While one thread is inside the library, another keeps executing Python. If the
    library held the GIL, the ticker would stand still for the whole native call."""
    items = [str(p) for p in generated]
    ticks: list[float] = []
    window: list[float] = []
    done = threading.Event()

    def parse_batch():
        window.append(time.perf_counter())
        # the native call alone (what `check` wraps), so the window is the library's time
        _native.check_json(items, None, None, False)
        window.append(time.perf_counter())
        done.set()

    worker = threading.Thread(target=parse_batch)
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
    worker.join()
    start, end = window
    inside = [t for t in ticks if start <= t <= end]
    span = end - start
    assert span > 0.05, f"the batch took {span:.3f} s: too short to tell"
    edges = [start, *inside, end]
    longest = max(b - a for a, b in zip(edges, edges[1:]))
    print(f"\nnative call {span * 1000:.0f} ms, {len(inside)} ticks of the other thread, "
          f"longest pause {longest * 1000:.1f} ms")
    assert longest < span / 2, (
        f"the other thread stood still for {longest * 1000:.0f} ms of a {span * 1000:.0f} ms "
        "call: the GIL was held while parsing"
    )


def test_a_thread_pool_gives_the_serial_results(generated):
    files = [str(p) for p in generated[:200]]
    t0 = time.perf_counter()
    serial = [govreport.values(f) for f in files]
    t1 = time.perf_counter()
    workers = max(2, os.cpu_count() or 2)
    with ThreadPoolExecutor(workers) as pool:
        threaded = list(pool.map(govreport.values, files))
    t2 = time.perf_counter()
    assert threaded == serial
    assert sum(map(len, serial)) > 200 * 100
    print(f"\n200 reports: serial {t1 - t0:.2f} s ({200 / (t1 - t0):.0f}/s), "
          f"{workers} threads {t2 - t1:.2f} s ({200 / (t2 - t1):.0f}/s), "
          f"speed-up {(t1 - t0) / (t2 - t1):.2f}x on {os.cpu_count()} cores")

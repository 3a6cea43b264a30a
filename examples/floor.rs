//! The floor of `benches/convert.sh`: the least any tool converting an archive must do —
//! walk the folders in sorted order, read every file, validate UTF-8, count lines — on one
//! thread. Prints `docs=N bytes=B utf8=U lines=L seconds=S` on standard error.
//!
//!     cargo run --release --example floor -- DIR...

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let (mut docs, mut bytes, mut utf8, mut lines) = (0u64, 0u64, 0u64, 0u64);
    for root in std::env::args_os().skip(1) {
        for e in walkdir::WalkDir::new(root).sort_by_file_name() {
            let Ok(e) = e else { continue };
            if !e.file_type().is_file() {
                continue;
            }
            let Ok(b) = std::fs::read(e.path()) else {
                continue;
            };
            docs += 1;
            bytes += b.len() as u64;
            utf8 += u64::from(std::str::from_utf8(&b).is_ok());
            lines += memchr::memchr_iter(b'\n', &b).count() as u64;
        }
    }
    eprintln!(
        "docs={docs} bytes={bytes} utf8={utf8} lines={lines} seconds={:.3}",
        t.elapsed().as_secs_f64()
    );
}

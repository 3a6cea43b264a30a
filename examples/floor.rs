//! The floors of `benches/convert.sh`: the least any tool converting an archive must do, on
//! one thread.
//!
//! - read floor: walk the folders in sorted order, read every file, validate UTF-8, count
//!   lines;
//! - write floor (`--write-like OUT --to DIR`): the read floor, then write the bytes a
//!   conversion wrote: for every file under `OUT` (a `convert` output folder) a file of the
//!   same size under `DIR`, filled from the inputs' bytes (so nothing compresses them away),
//!   each written whole and closed, as `convert` writes its outputs.
//!
//! Prints `docs=N bytes=B utf8=U lines=L written=W seconds=S` on standard error.
//!
//!     cargo run --release --example floor -- [--write-like OUT --to DIR] DIR...

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let mut write_like: Option<(PathBuf, PathBuf)> = None;
    if args
        .first()
        .is_some_and(|a| a.as_os_str() == "--write-like")
    {
        if args.len() < 4 || args[2].as_os_str() != "--to" {
            eprintln!("usage: floor [--write-like OUT --to DIR] DIR...");
            std::process::exit(2);
        }
        write_like = Some((args[1].clone(), args[3].clone()));
        args.drain(..4);
    }
    let t = Instant::now();
    let (mut docs, mut bytes, mut utf8, mut lines) = (0u64, 0u64, 0u64, 0u64);
    // the first input's bytes fill the written files
    let mut fill: Vec<u8> = Vec::new();
    for root in &args {
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
            if fill.is_empty() {
                fill = b;
            }
        }
    }
    let mut written = 0u64;
    if let Some((like, to)) = write_like {
        if fill.is_empty() {
            fill = vec![b' '];
        }
        // (written in blocks of 64 KiB, as a buffered writer would)
        let block: Vec<u8> = fill.iter().copied().cycle().take(1 << 16).collect();
        let _ = std::fs::remove_dir_all(&to);
        std::fs::create_dir_all(&to).expect("the write floor's folder");
        for (i, e) in walkdir::WalkDir::new(&like)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .enumerate()
        {
            let size = e.metadata().map_or(0, |m| m.len()) as usize;
            let mut f =
                std::fs::File::create(to.join(format!("f{i:06}"))).expect("a write floor file");
            let mut left = size;
            while left > 0 {
                let n = left.min(block.len());
                f.write_all(&block[..n]).expect("a write floor file");
                left -= n;
            }
            written += size as u64;
        }
    }
    eprintln!(
        "docs={docs} bytes={bytes} utf8={utf8} lines={lines} written={written} seconds={:.3}",
        t.elapsed().as_secs_f64()
    );
}

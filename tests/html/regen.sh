#!/usr/bin/env bash
# Regenerates the committed HTML sample (tests/html/) and its Word copies (tests/html/docx/):
# 30 report pages of ../shared/bench/gen_html.py, seed 7, both templates, with their truth,
# and each page converted by pandoc (`pandoc -f html -t docx`). tests/sources.rs scores them.
# Needs python3 and pandoc; SHARED points at the shared folder (default: ../shared beside the repo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="${SHARED:-$here/../../../shared}"
rm -f "$here"/g*.html "$here"/g*.truth.json "$here"/docx/g*.docx
python3 "$shared/bench/gen_html.py" --n 30 --seed 7 --template mix --out "$here"
mkdir -p "$here/docx"
for f in "$here"/g*.html; do
  pandoc -f html -t docx "$f" -o "$here/docx/$(basename "$f" .html).docx"
done

#!/usr/bin/env bash
# Regenerates tests/flat/: 40 report pages of the shared page generator (seed 4711, both
# templates) flattened by each of the ten tools users run (see ../shared/bench/flatten.sh for the
# Debian and pip packages it needs). The pages (NAME.html), one truth per page (NAME.truth.json,
# from the generator, not from any parser), and each text NAME-TOOL.txt. `cargo test` scores them (tests/flat.rs).
set -euo pipefail
cd "$(dirname "$0")"
SHARED=${SHARED:-../../../shared}
tmp=$(mktemp -d)
python3 "$SHARED/bench/gen_html.py" --n 40 --seed 4711 --template mix --out "$tmp/html" >/dev/null
bash "$SHARED/bench/flatten.sh" "$tmp/html" "$tmp/flat" >/dev/null
rm -f ./*.txt ./*.truth.json ./*.html
cp "$tmp"/flat/*.txt .
for t in "$tmp"/html/*.truth.json "$tmp"/html/*.html; do cp "$t" .; done
rm -rf "$tmp"
echo "tests/flat: $(ls ./*.txt | wc -l) texts, $(ls ./*.truth.json | wc -l) truths"

#!/bin/sh
# The whole demo job headless: make the demo project, check the photos, learn the product,
# make a batch, review it and export the approved images. Used by the offline test (in a
# network namespace with no interfaces) and by the Debian package's smoke test.
#
# usage: demo_run.sh RASHISA_CLI DIR     (DIR must not hold a demo project yet)
# RASHISA_DEMO_QUICK=1 trains 2/2/4 steps and makes 4-step 128 px images: the same commands in
# seconds, for the test suite; without it the demo's own numbers are used (about 3 minutes on
# a 2-core CPU).
set -eu
cli=$1
dir=$2
p=$dir/demo.rashisa
out=$dir/書き出し
step() { printf '== %s\n' "$*"; }

step "demo"
"$cli" demo "$dir"
step "check (the blurry photo and the near-duplicate are reported)"
"$cli" project check "$p" > "$dir/check.txt" || { s=$?; [ $s -eq 7 ] || exit $s; }
cat "$dir/check.txt"
grep -q "blurry" "$dir/check.txt"
step "remove the blurry photo and the near-duplicate (photos 7 and 8)"
"$cli" project remove-photo "$p" 7,8
if [ "${RASHISA_DEMO_QUICK:-0}" = 1 ]; then
  steps="2 2 4" make="--steps 4 --width 128 --height 128"
else
  steps="20 30 60" make=""
fi
set -- $steps
step "train (128 px, $1/$2/$3 steps)"
"$cli" project train "$p" --name "デモのマグカップ" --category mug --resolution 128 \
  --stage1-steps "$1" --stage1-batch 2 --stage2-steps "$2" --stage2-batch 2 --stage3-steps "$3" --stage3-batch 2 \
  --preview-every 0 --device cpu
step "generate"
# shellcheck disable=SC2086
"$cli" project generate "$p" --template white-studio --seed 1 --device cpu $make
step "review"
"$cli" project review "$p" --approve 1-3 --reject 4 --by "デモ"
step "export"
mkdir -p "$out"
"$cli" project export "$p" --out "$out" --format jpeg --quality 90 --contact-sheet "$out/一覧.png"
n=$(find "$out" -name '*.jpg' | wc -l)
[ "$n" -eq 3 ] || { echo "expected 3 exported images, found $n" >&2; exit 1; }
[ -s "$out/一覧.png" ] || { echo "no contact sheet" >&2; exit 1; }
"$cli" project info "$p"
step "the demo ran end to end"

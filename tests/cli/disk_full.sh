#!/bin/sh
# Full disks and read-only places, through rashisa-cli: adding photos, saving a training
# checkpoint, storing the finished product, storing a batch image and exporting, each on a
# size-limited tmpfs that is full, then given more space (or made writable again) and the same
# command run again. After each failure: the exit code and the message name the folder and the
# space needed, PRAGMA integrity_check is ok and everything committed before is still there.
# The tmpfs lives in a mount namespace of its own: as root `unshare -m`, otherwise an
# unprivileged user namespace (`unshare -rm`); exit 77 (ctest: skipped) when neither works.
# No chmod: CI runs as root, which ignores permissions; a read-only mount stops root too.
#
# usage: disk_full.sh RASHISA_CLI PROJECT_PROBE WORK_DIR
set -eu
if [ "${1:-}" != --inside ]; then
  here=$(cd "$(dirname "$0")" && pwd)
  rm -rf "$3"
  mkdir -p "$3"
  if [ "$(id -u)" -eq 0 ]; then ns="unshare -m"; else ns="unshare -rm"; fi
  if ! $ns sh -c 'mount -t tmpfs -o size=64k tmpfs "$1"' sh "$3" 2>/dev/null; then
    echo "skipped: cannot mount a tmpfs in a private mount namespace here (no root, no user namespaces)"
    exit 77
  fi
  exec $ns sh "$here/disk_full.sh" --inside "$@"
fi
shift
cli=$1 probe=$2 work=$3
disk=$work/disk     # the project's disk
out=$work/exports   # the export folder's disk
mkdir -p "$disk" "$out"
mount --make-rprivate / 2>/dev/null || true
mount -t tmpfs -o size=64k tmpfs "$disk"
mount -t tmpfs -o size=64k tmpfs "$out"
export TMPDIR=$work/tmp RASHISA_DEMO_QUICK=1
mkdir -p "$TMPDIR"
step() { printf '== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

# remount OPTIONS DIR: new options for the tmpfs at DIR (the type and source named, as a user
# namespace needs them).
remount() { mount -t tmpfs -o "remount,$1" tmpfs "$2"; }
# limit FREE_KB [DISK]: the tmpfs's size becomes what it holds now plus FREE_KB.
limit() {
  d=${2:-$disk}
  remount "size=$(( $(df -k --output=used "$d" | tail -n 1) + $1 ))k" "$d"
}
# roomy [DISK]: space again, and writable.
roomy() { remount rw,size=200m "${1:-$disk}"; }
# expect_failure CODE LOG COMMAND...: the command exits with CODE.
expect_failure() {
  want=$1 log=$2
  shift 2
  set +e
  "$@" > "$log" 2>&1
  got=$?
  set -e
  cat "$log"
  [ "$got" -eq "$want" ] || fail "exit code $got, expected $want: $*"
}
# says LOG TEXT...: the log holds each text.
says() {
  log=$1
  shift
  for text in "$@"; do grep -qF -- "$text" "$log" || fail "the message does not say \"$text\""; done
}
# probe PROJECT: integrity ok; prints the project's counts.
probe() {
  line=$("$probe" "$1") || fail "integrity check of $1: $line"
  echo "$line"
}
# holds PROJECT PATTERN WHY: integrity ok and the probe's line matches the glob PATTERN.
holds() {
  line=$(probe "$1")
  # shellcheck disable=SC2254
  case "$line" in *$2*) ;; *) fail "$3 ($line)" ;; esac
}

step "setup: the demo project and its model, outside the small disk"
"$cli" demo "$work/demo" > /dev/null
"$cli" project remove-photo "$work/demo/demo.rashisa" 7,8 > /dev/null

step "add-photos onto a full disk"
p=$disk/photos.rashisa
limit 1024
"$cli" project new "$p" > /dev/null
"$cli" project add-photos "$p" "$work/demo/demo-photos/$(ls "$work/demo/demo-photos" | head -n 1)" > /dev/null
before=$(probe "$p")
limit 40
expect_failure 6 "$work/photos.log" "$cli" project add-photos "$p" "$work/demo/demo-photos"
says "$work/photos.log" "the disk holding $disk is full" "more is needed to store this photo" "run the same command again"
[ "$(probe "$p")" = "$before" ] || fail "the photos committed before changed"
roomy
"$cli" project add-photos "$p" "$work/demo/demo-photos" > /dev/null
holds "$p" "photos 8 " "the same command did not add the rest of the photos"

step "add-photos into a read-only folder"
"$cli" project remove-photo "$p" 8 > /dev/null
before=$(probe "$p")
remount ro "$disk"
expect_failure 6 "$work/photos-ro.log" "$cli" project add-photos "$p" "$work/demo/demo-photos"
says "$work/photos-ro.log" "$disk" "read-only"
[ "$(probe "$p")" = "$before" ] || fail "the photos committed before changed"
roomy
"$cli" project add-photos "$p" "$work/demo/demo-photos" > /dev/null
holds "$p" "photos 8 " "the same command did not add the photo"

step "train: the stage-3 checkpoint does not fit"
t=$disk/train.rashisa
cp "$work/demo/demo.rashisa" "$t"
train() {
  "$cli" project train "$t" --name mug --category mug --resolution 64 --stage1-steps 1 --stage1-batch 1 \
    --stage2-steps 1 --stage2-batch 1 --stage3-steps 2 --stage3-batch 1 --preview-every 0 --device cpu "$@"
}
limit 8192
expect_failure 6 "$work/train.log" train
says "$work/train.log" "warning: only about" "is free in $disk" "training this product needs about" \
  "the disk holding $disk is full" "more is needed to save this training checkpoint" "run the same command again"
holds "$t" "photos 6 images 0 products 1:failed:2:1:" "the stage-2 checkpoint is not kept"

step "train again: the checkpoint fits, finishing the product does not"
# The need the message named, plus 600 KB: the stage-3 checkpoint and its journal fit; storing
# the product (about a sixth of the checkpoint) or removing the checkpoint once it is stored
# (SQLite journals its pages) does not.
need_kb=$(sed -n 's/.*about \([0-9.]*\) MB more is needed to save this training checkpoint.*/\1/p' "$work/train.log" |
  awk '{ printf "%d", $1 * 1000 + 600 }')
[ -n "$need_kb" ] || fail "no amount in MB in the checkpoint message"
limit "$need_kb"
expect_failure 6 "$work/package.log" train
says "$work/package.log" "the disk holding $disk is full" "MB more is needed to" "run the same command again"
grep -qE "needed to (store the finished product|remove the saved training checkpoint)" "$work/package.log" ||
  fail "the message does not say which step of finishing the product needs the space"
holds "$t" "products 1:*:3:2:[1-9]*:0" "the stage-3 checkpoint is not kept"

step "train again with space: the product is finished from what was saved"
roomy
train > "$work/train-done.log" 2>&1 || { cat "$work/train-done.log"; fail "train did not resume"; }
grep -q "continuing \"mug\" from its saved progress (stage 3, step 2)" "$work/train-done.log" ||
  fail "train did not continue from the stage-3 checkpoint"
holds "$t" "products 1:trained:3:2:0:" "the product is not trained, or its checkpoint is left"

step "generate: the batch image does not fit"
gen() { "$cli" project generate "$t" --template white-studio --seed 1 --device cpu --steps 2 --width 128 --height 128; }
limit 40
expect_failure 6 "$work/generate.log" gen
says "$work/generate.log" "the disk holding $disk is full" "more is needed to store this image" \
  "run the same command again"
holds "$t" "images 0 " "an image appeared after the failure"
roomy
gen > /dev/null 2>&1 || fail "generate did not resume"
images=$(probe "$t" | sed 's/.*images \([0-9]*\) .*/\1/')
[ "$images" -ge 1 ] || fail "no image after the resumed batch"
"$cli" project review "$t" --approve "1-$images" --by test > /dev/null

step "export into a full folder, then a read-only one"
limit 40 "$out"  # room for the first image, not the second
expect_failure 6 "$work/export.log" "$cli" project export "$t" --out "$out"
says "$work/export.log" "the disk holding $out is full" "more is needed to write this image" \
  "run the same command again"
probe "$t" > /dev/null
[ "$(ls "$out" | grep -c '\.png$')" -ge 1 ] || fail "no image was exported before the disk was full"
roomy "$out"
"$cli" project export "$t" --out "$out" > /dev/null || fail "the same export command did not run again"
[ "$(ls "$out" | grep -c '\.png$')" -eq "$images" ] || fail "not every approved image was exported"
rm -f "$out"/*.png
remount ro "$out"
expect_failure 6 "$work/export-ro.log" "$cli" project export "$t" --out "$out"
says "$work/export-ro.log" "$out is read-only" "run the same command again"
probe "$t" > /dev/null
roomy "$out"
"$cli" project export "$t" --out "$out" > /dev/null || fail "export into the writable folder failed"
step "every write on a full or read-only disk failed cleanly and resumed"

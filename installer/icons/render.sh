#!/bin/sh
# Renders the icons from rashisa.svg: the PNGs of the Linux icon theme and the window, and
# rashisa.ico for Windows (the same PNGs in one file). They are committed as source assets, so
# this runs only when the SVG changes. Needs rsvg-convert (Debian: librsvg2-bin) and python3.
set -eu
cd "$(dirname "$0")"
sizes="16 24 32 48 64 128 256"
for size in $sizes; do
  rsvg-convert --width "$size" --height "$size" --format png --output "rashisa-$size.png" rashisa.svg
done
# An .ico is a directory of images; since Windows Vista each image may be a whole PNG file.
# shellcheck disable=SC2086 # one argument per size
python3 - $sizes <<'PY'
import struct, sys
sizes = [int(s) for s in sys.argv[1:]]
images = [open(f"rashisa-{s}.png", "rb").read() for s in sizes]
out = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
for size, data in zip(sizes, images):
    edge = 0 if size == 256 else size  # 0 means 256 in an icon directory
    out += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open("rashisa.ico", "wb").write(out + b"".join(images))
PY

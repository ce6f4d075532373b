#!/usr/bin/env bash
# Fetches, on a Debian/Ubuntu machine with apt, the two header/source-only dependencies that a
# GPU machine with nothing but a pip `torch` lacks, into <repo>/.deps (git-ignored), so the
# folder can travel with the working tree to that machine (see tests/gpu/README.md):
#   .deps/nlohmann-json  nlohmann-json3-dev unpacked (headers + CMake package, relocatable)
#   .deps/googletest     googletest unpacked (GoogleTest sources; run.sh builds them with the
#                        C++ string ABI of the machine's torch)
# Idempotent: an existing unpacked package is kept. Needs apt-get and dpkg-deb, not root.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
deps="$repo/.deps"
mkdir -p "$deps"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() {  # fetch <debian package> <folder under .deps> <file that proves it is unpacked>
  local package="$1" folder="$2" marker="$3"
  if [[ -e "$deps/$folder/$marker" ]]; then
    echo "$folder: already in $deps/$folder"
    return
  fi
  (cd "$work" && apt-get download "$package")
  rm -rf "${deps:?}/$folder"
  dpkg-deb -x "$work"/"${package}"_*.deb "$deps/$folder"
  [[ -e "$deps/$folder/$marker" ]] || { echo "$package: $marker missing after unpacking" >&2; exit 1; }
  echo "$folder: $(dpkg-deb -f "$work"/"${package}"_*.deb Version) unpacked into $deps/$folder"
}

fetch nlohmann-json3-dev nlohmann-json usr/share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake
fetch googletest googletest usr/src/googletest/CMakeLists.txt
du -sh "$deps/nlohmann-json" "$deps/googletest"

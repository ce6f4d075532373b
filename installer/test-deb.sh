#!/bin/bash
# installer/test-deb.sh [DEB]: installs the Rashisa Debian package into a clean Debian 12 root
# and smoke-tests it there without a network. Run as root. Quiet on success apart from the
# summary; on a failure it names the step and shows the end of its output.
#
# DEB defaults to the newest build/rashisa_*.deb of this checkout. The pristine root
# (debootstrap bookworm --variant=minbase) is kept in $RASHISA_DEBIAN12_CLEAN_ROOT (default
# /var/cache/rashisa-ci/debian12-clean) and made again when missing; each run works on a fresh
# copy of it. Only the installation itself uses the network ($RASHISA_DEBIAN_MIRROR, default
# http://deb.debian.org/debian); every check after it runs in a network namespace without
# interfaces (unshare -n).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
checkout="$(dirname "$here")"
pristine="${RASHISA_DEBIAN12_CLEAN_ROOT:-/var/cache/rashisa-ci/debian12-clean}"
mirror="${RASHISA_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security_mirror="${RASHISA_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

die() { echo "test-deb: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run me as root (debootstrap, chroot, mount, unshare)"
for tool in debootstrap chroot unshare mount umount mountpoint readelf cmake dpkg-deb; do
  command -v "$tool" >/dev/null || die "needs $tool"
done

deb="${1:-}"
if [ -z "$deb" ]; then
  deb="$(ls -t "$checkout"/build/rashisa_*.deb 2>/dev/null | head -n 1 || true)"
  [ -n "$deb" ] || die "no DEB given and no build/rashisa_*.deb (make one: cd build && cpack -G DEB)"
fi
[ -f "$deb" ] || die "no such package: $deb"
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"

work="$(mktemp -d /var/tmp/rashisa-test-deb.XXXXXX)"
root="$work/root"
log="$work/step.log"
mounted=()

cleanup() {
  local status=$? m i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    m="${mounted[i]}"
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  # Never delete through a mount that is still there (the root's /dev is the host's).
  if grep -q " $work/" /proc/self/mounts; then
    echo "test-deb: mounts under $work remain; left it in place" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# step NAME COMMAND...: runs COMMAND with its output in the log; on failure names the step.
step() {
  local name="$1"
  shift
  if ! "$@" >"$log" 2>&1; then
    echo "test-deb: FAILED: $name" >&2
    echo "--- the end of its output:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

# offline NAME COMMAND...: a step run inside the root in a network namespace without interfaces.
offline() {
  local name="$1"
  shift
  step "$name" unshare --net chroot "$root" /usr/bin/env -i HOME=/root LC_ALL=C.UTF-8 \
    PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

make_pristine() {
  local tmp="$pristine.partial"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$pristine")"
  step "debootstrap a clean Debian 12 root into $pristine" \
    debootstrap --variant=minbase bookworm "$tmp" "$mirror"
  mv "$tmp" "$pristine"
}

mount_into_root() {
  mount -t proc proc "$root/proc"
  mounted+=("$root/proc")
  mount --bind /dev "$root/dev"
  mounted+=("$root/dev")
}

seconds_since() { echo "$(date +%s.%N) $1" | awk '{printf "%.0f", $1 - $2}'; }

[ -x "$pristine/usr/bin/apt-get" ] || make_pristine

start="$(date +%s.%N)"
step "copy the clean root" cp -a "$pristine" "$root"
mount_into_root
cp /etc/resolv.conf "$root/etc/resolv.conf"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
EOF
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp "$deb" "$root/tmp/"
apt_env=(/usr/bin/env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8)
step "apt-get update in the root" chroot "$root" "${apt_env[@]}" apt-get update -q

# The installation, measured: what apt downloads and installs besides the package.
used_before="$(du -skx "$root" | cut -f1)"
packages_before="$(chroot "$root" dpkg-query -f '.\n' -W | wc -l)"
install_start="$(date +%s.%N)"
step "apt-get install ./$(basename "$deb")" \
  chroot "$root" "${apt_env[@]}" apt-get install -y -q "/tmp/$(basename "$deb")"
install_seconds="$(seconds_since "$install_start")"
chroot "$root" "${apt_env[@]}" apt-get clean
used_after="$(du -skx "$root" | cut -f1)"
packages_after="$(chroot "$root" dpkg-query -f '.\n' -W | wc -l)"
# To read the man pages (not a dependency of the package).
step "apt-get install man-db (for the man page check)" \
  chroot "$root" "${apt_env[@]}" apt-get install -y -q --no-install-recommends man-db
rm -f "$root/tmp/$(basename "$deb")"
deb_kib=$(( $(stat -c %s "$deb") / 1024 ))
echo "test-deb: $(basename "$deb") in a clean Debian 12 root"
echo "  package:       ${deb_kib} KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "  installation:  ${install_seconds} s (apt-get install with the download), $((packages_after - packages_before)) packages, $(( (used_after - used_before) / 1024 )) MiB on disk"

# Everything below runs without a network.
offline "no network inside: only the loopback interface" \
  sh -c 'test "$(grep -c : /proc/net/dev)" -eq 1 || { cat /proc/net/dev; exit 1; }'
offline "rashisa-cli --version" sh -c 'rashisa-cli --version | grep -qx "rashisa-cli [0-9.]*"'
offline "QT_QPA_PLATFORM=offscreen rashisa --version" \
  sh -c 'QT_QPA_PLATFORM=offscreen rashisa --version | grep -qx "rashisa [0-9.]*"'
offline "every library of both programs is found" \
  sh -c 'out=$(ldd /usr/bin/rashisa /usr/bin/rashisa-cli) && ! echo "$out" | grep "not found"'
# The window itself: it must still be running after 10 s (timeout's 124), not fail to start.
offline "the window starts (offscreen) and keeps running" \
  sh -c 'QT_QPA_PLATFORM=offscreen timeout 10 rashisa; test $? -eq 124'
for page in rashisa rashisa-cli; do
  offline "man $page renders without warnings" sh -c \
    "out=\$(MANWIDTH=80 man --warnings -E UTF-8 $page 2>&1 >/dev/null) && test -z \"\$out\" || { echo \"\$out\"; exit 1; }"
done
step "no network library in the programs' DT_NEEDED" \
  cmake -DREADELF="$(command -v readelf)" "-DPROGRAMS=$root/usr/bin/rashisa;$root/usr/bin/rashisa-cli" \
  -P "$checkout/tests/packaging/no_network_libraries.cmake"

demo="pending: tests/offline/demo_run.sh is not in this checkout"
if [ -f "$checkout/tests/offline/demo_run.sh" ]; then
  cp "$checkout/tests/offline/demo_run.sh" "$root/tmp/demo_run.sh"
  demo_start="$(date +%s.%N)"
  offline "the demo, made and run headless (tests/offline/demo_run.sh)" \
    sh /tmp/demo_run.sh /usr/bin/rashisa-cli /tmp/demo
  demo="made and run headless in $(seconds_since "$demo_start") s"
fi

echo "  offline:       versions, libraries, window start, man pages, no network library: passed"
echo "  demo:          $demo"
echo "  whole run:     $(seconds_since "$start") s"
if [[ "$demo" == pending* ]]; then
  exit 2
fi
echo "test-deb: all checks passed"

#!/bin/sh
# Runs demo_run.sh in a network namespace of its own: no interface but a loopback that is down.
# As root: unshare -n; otherwise an unprivileged user namespace (unshare -rn) when the kernel
# allows one. Exit 77 (ctest: skipped) when neither is possible here.
#
# usage: run_offline.sh RASHISA_CLI WORK_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cli=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
if [ "$(id -u)" -eq 0 ]; then
  ns="unshare -n"
elif unshare -rn true 2>/dev/null; then
  ns="unshare -rn"
else
  echo "skipped: cannot make a network namespace here (not root, no unprivileged user namespaces)"
  exit 77
fi
# shellcheck disable=SC2016
$ns sh -c '
  set -eu
  ifaces=$(tail -n +3 /proc/self/net/dev | cut -d: -f1 | tr -d " " | tr "\n" " ")
  [ "$ifaces" = "lo " ] || { echo "unexpected network interfaces: $ifaces" >&2; exit 1; }
  if [ "$(tail -n +2 /proc/self/net/route | wc -l)" -ne 0 ]; then echo "a route exists" >&2; exit 1; fi
  echo "network namespace: interfaces: $ifaces(down), no routes"
  sh "$1" "$2" "$3/デモ プロジェクト"
' sh "$here/demo_run.sh" "$cli" "$work"

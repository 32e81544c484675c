#!/usr/bin/env bash
# Cold start to first frame of the real TUI, without any test-only flag:
# runs `rungs` in a 200×50 pseudo-terminal made by script(1), types `q`, and
# reads the time from the execve of rungs to the last write of its first
# frame from an strace log (only execve, write and exit_group are traced,
# with a seccomp filter, so the rest of the process runs untraced).
# strace still adds some overhead: the figures are an upper bound.
#
#   benches/first_frame.sh [RUNS] [rungs arguments…]
#   benches/first_frame.sh 60
#   benches/first_frame.sh 10 --catalog target/bench-catalogs/10000
#
# Needs: the release binary (cargo build --release): $RUNGS_BIN, else
# $CARGO_TARGET_DIR/release/rungs, else target/release/rungs; strace, script
# (util-linux). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
shift || true
bin=${RUNGS_BIN:-${CARGO_TARGET_DIR:-target}/release/rungs}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
log=$(mktemp)
times=$(mktemp)
trap 'rm -f "$log" "$times"' EXIT
for _ in $(seq "$runs"); do
  rm -f "$log"
  printf q | script -qec "stty cols 200 rows 50; strace -f --seccomp-bpf -ttt \
    -e trace=execve,write,exit_group -s 0 -o $log $bin $*" /dev/null >/dev/null
  # The frame is written in chunks of about 1 KiB; the few bytes written on
  # quit (leaving the alternate screen, mouse modes) are 64 bytes or less.
  awk '/execve\(/ && !t0 {t0=$2} /write\(1,/ && $NF+0 > 64 {last=$2}
       END {if (t0 && last) printf "%.3f\n", (last-t0)*1000}' "$log" >>"$times"
done
sort -n "$times" | awk '{a[NR]=$1} END {
  if (NR == 0) {print "no frame seen"; exit 1}
  p90 = int(NR * 0.9); if (p90 < 1) p90 = 1
  printf "execve -> first frame written, %d runs: median %.2f ms, min %.2f, p90 %.2f, max %.2f\n",
    NR, a[int((NR+1)/2)], a[1], a[p90], a[NR]}'

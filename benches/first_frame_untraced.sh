#!/usr/bin/env bash
# Cold start to first frame of the real TUI without a tracer: runs `rungs`
# in a 200×50 pseudo-terminal made by script(1), types `q`, and reads
# script's own output timing (`--log-timing`): the time from script's start
# (stty and the exec of rungs included) to the end of the first burst of
# writes over 64 bytes (the frame comes in chunks of about 1 KiB; a gap of
# 20 ms ends the burst). For large catalogs, where strace's own cost in
# benches/first_frame.sh swamps the figure.
#
#   benches/first_frame_untraced.sh [RUNS] [--edit FILE] [rungs arguments…]
#   benches/first_frame_untraced.sh 15 --catalog target/bench-catalogs/10000
#   benches/first_frame_untraced.sh 15 --edit target/bench-catalogs/10000/skills/x.toml --catalog target/bench-catalogs/10000
#
# With --edit, a comment line is appended to FILE before each run and the
# file's time set 10 s back (older than the cache's racy window, so that its
# stamp alone says it changed): each run is then the start after one edit.
# FILE is put back as it was at the end. Runs follow each other without a
# pause: on an idle VM the next program pays for its fresh pages again
# (docs/performance.md, "the lead's quiet-machine run, third session").
#
# Needs: the release binary (cargo build --release): $RUNGS_BIN, else
# $CARGO_TARGET_DIR/release/rungs, else target/release/rungs; script
# (util-linux ≥ 2.35 for --log-timing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
shift || true
edit=
if [ "${1:-}" = --edit ]; then edit=$2; shift 2; fi
bin=${RUNGS_BIN:-${CARGO_TARGET_DIR:-target}/release/rungs}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
timing=$(mktemp)
orig=$(mktemp)
trap 'rm -f "$timing" "$orig"' EXIT
if [ -n "$edit" ]; then
  cp "$edit" "$orig"
  trap 'cp "$orig" "$edit"; rm -f "$timing" "$orig"' EXIT
fi
# One run to fill the cache (a first run after a build may rewrite it).
printf q | script -q -c "stty cols 200 rows 50; exec $bin $*" /dev/null >/dev/null
for i in $(seq "$runs"); do
  if [ -n "$edit" ]; then
    printf '\n# edit %s\n' "$i$RANDOM" >>"$edit"
    touch -d "@$(($(date +%s) - 10))" "$edit"
  fi
  printf q | script -q --log-timing "$timing" -c "stty cols 200 rows 50; exec $bin $*" /dev/null >/dev/null
  awk '{t+=$1; if (done) next; if (s && $1>0.02) {done=1; next} if ($2>64) {s=1; last=t}}
       END {printf "%.1f\n", last*1000}' "$timing"
done | sort -n | awk '{a[NR]=$1} END {printf "first frame, %d runs: median %s ms (min %s, max %s)\n", NR, a[int((NR+1)/2)], a[1], a[NR]}'

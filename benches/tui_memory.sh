#!/usr/bin/env bash
# Peak memory (VmHWM) of the real TUI with a catalog open, after a search
# (so the search index is built): runs `rungs` in a 200×50 pseudo-terminal
# made by script(1), types `/` and a query, waits, reads
# /proc/PID/status, then quits.
#
#   benches/tui_memory.sh CATALOG [QUERY] [WAIT_SECONDS]
#   benches/tui_memory.sh target/bench-catalogs/10000 dat 4
#
# Needs: target/release/rungs (cargo build --release), script (util-linux).
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
catalog=${1:?catalog path}
query=${2:-dat}
wait=${3:-4}
bin=${RUNGS_BIN:-target/release/rungs}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
# Fill this build's catalog cache first: a cache written by another build
# (another model version) would make the TUI parse every file, and that
# load peaks differently from the cache hit a user sees.
"$bin" check --catalog "$catalog" >/dev/null 2>&1 || true
pidf=$(mktemp)
out=$(mktemp)
trap 'rm -f "$pidf" "$out"' EXIT
{
  sleep "$wait"
  printf '/%s' "$query"
  sleep "$wait"
  pid=$(cat "$pidf")
  grep -E 'VmHWM|VmRSS' "/proc/$pid/status" >"$out"
  printf '\033'
  sleep 0.3
  printf 'q'
} | script -qec "stty cols 200 rows 50; sh -c 'echo \$\$ > $pidf; exec $bin --catalog $catalog'" /dev/null >/dev/null
bytes=$(du -sb "$catalog" | cut -f1)
hwm=$(awk '/VmHWM/ {print $2}' "$out")
rss=$(awk '/VmRSS/ {print $2}' "$out")
awk -v h="$hwm" -v r="$rss" -v b="$bytes" 'BEGIN {
  printf "peak RSS (VmHWM) %.1f MiB (RSS after the search %.1f MiB); catalog %.1f MB of TOML (du -sb); ratio %.2f\n",
    h / 1024, r / 1024, b / 1e6, (h * 1024) / b }'

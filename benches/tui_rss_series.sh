#!/usr/bin/env bash
# The real TUI's RSS over time with a catalog open: samples /proc/PID/status
# every 10 ms from the start, types `/` and a query after 1.5 s (the index is
# built after the load, without waiting for it), quits after 4 s, and prints
# "seconds:MiB" each time the RSS changes, then VmHWM. Shows WHEN the peak
# is (the load, the index build, the search), which benches/tui_memory.sh
# (peak only) does not.
#
#   benches/tui_rss_series.sh CATALOG [QUERY]
#
# Needs: target/release/rungs (or RUNGS_BIN), script (util-linux).
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
catalog=${1:?catalog path}
query=${2:-dat}
bin=${RUNGS_BIN:-target/release/rungs}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
# A cache hit, as a user sees it (see tui_memory.sh).
"$bin" check --catalog "$catalog" >/dev/null 2>&1 || true
pidf=$(mktemp)
out=$(mktemp)
trap 'rm -f "$pidf" "$out"' EXIT
{
  for i in $(seq 1 400); do
    pid=$(cat "$pidf" 2>/dev/null || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
      echo "$(date +%s.%N) $(awk '/VmRSS|VmHWM/ {printf "%s ", $2}' "/proc/$pid/status")" >>"$out"
    fi
    [ "$i" = 150 ] && printf '/%s' "$query"
    sleep 0.01
  done
  printf '\033'
  sleep 0.3
  printf 'q'
} | script -qec "stty cols 200 rows 50; sh -c 'echo \$\$ > $pidf; exec $bin --catalog $catalog'" /dev/null >/dev/null
awk 'NR == 1 { t0 = $1 }
  NF >= 3 { if ($3 != last) printf "%.2f:%.1f ", $1 - t0, $3 / 1024; last = $3; hwm = $2 }
  END { printf "\nVmHWM %.1f MiB\n", hwm / 1024 }' "$out"

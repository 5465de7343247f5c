#!/usr/bin/env bash
# Whole-process benchmark of one rulec command: wall time (median and min of N runs) and peak RSS.
# Usage: bench/run.sh [-n RUNS] -- <rulec arguments>
#   bench/run.sh -n 10 -- compile ../shared/corpus/detection-rules/rules
# Runs the packaged jar exactly as ./rulec does (after one warm-up run), output to /dev/null.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=10
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
[ "${1:-}" = "--" ] && shift
"$here/rulec" --version >/dev/null   # builds the jar if needed
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (Debian package 'time')" >&2; exit 3; }
"$here/rulec" "$@" >/dev/null 2>&1 || true
times=(); rss=0; tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
for _ in $(seq "$runs"); do
  /usr/bin/time -o "$tmp" -f "%e %M" "$here/rulec" "$@" >/dev/null 2>&1 || true
  line=$(tail -1 "$tmp")
  times+=("${line% *}"); r="${line#* }"; [ "$r" -gt "$rss" ] && rss="$r"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "rulec $*: median ${median} s, min $(echo "$sorted" | head -1) s over $runs runs; peak RSS $((rss / 1024)) MB"

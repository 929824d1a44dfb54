#!/usr/bin/env bash
# The long run: every fuzz target for MINUTES (default 10) each, two at a
# time, from the seeds plus what earlier long runs found.
#
#   fuzz/long_run.sh [MINUTES] [TARGET...]      # default: every target
#
# Needs the fuzz build in build-fuzz/ (fuzz/README.md). Each target runs
# in libFuzzer's fork mode, which goes on after a finding: crashes, leaks,
# timeouts and out-of-memory inputs are kept as build-fuzz/fuzz/long/<target>/
# artifacts/ files (crash-*, leak-*, timeout-*, oom-*), new inputs in
# build-fuzz/fuzz/long/<target>/corpus/, the log in .../log. At the end each
# target's last stats line (executions, cov:, ft:) and its findings are
# printed; the exit status is 1 when there is any finding.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-fuzz"
minutes="${1:-10}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(query param_literal json_graph csv_graph graphml record)

run() {
  local t="$1" out="$build/fuzz/long/$1"
  mkdir -p "$out/corpus" "$out/artifacts"
  local extra=(-max_len=4096)
  case "$t" in
    query | param_literal) extra+=(-dict="$root/fuzz/query.dict") ;;
    json_graph) extra=(-max_len=65536) ;;
  esac
  local dirs=("$out/corpus" "$build/fuzz/corpus/$t")
  [ -d "$root/fuzz/regressions/$t" ] && dirs+=("$root/fuzz/regressions/$t")
  (cd "$out/artifacts" &&
    "$build/fuzz/fuzz_$t" -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
      -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$out/artifacts/" "${extra[@]}" "${dirs[@]}" >"$out/log" 2>&1) || true
}

for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" &
  [ $((i + 1)) -lt ${#targets[@]} ] && run "${targets[i + 1]}" &
  wait
done

found=0
for t in "${targets[@]}"; do
  out="$build/fuzz/long/$t"
  echo "$t: $(grep -E '^#[0-9]+: cov:' "$out/log" | tail -n 1)"
  for f in "$out"/artifacts/*; do
    [ -e "$f" ] || continue
    echo "  finding: $f"
    found=1
  done
done
exit "$found"

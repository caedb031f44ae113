#!/usr/bin/env bash
# Builds the libFuzzer target and fuzzes the reader and structure parser for a bounded time.
# Usage: Tests/Fuzz/run.sh [seconds]   (default 25; exit status non-zero on any crash or hang)
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-25}"
swift build -c release -Xswiftc -sanitize=fuzzer 2>&1 | grep -E 'error|warning: unre|Compiling|Build' | tail -3
corpus="$(mktemp -d)"
artifacts="${FUZZ_ARTIFACTS:-$(mktemp -d)}"
trap 'rm -rf "$corpus"' EXIT
cp ../../Data/reports/*.txt ../ClaspCoreTests/Fixtures/damage/*.txt "$corpus/"
# -timeout: one input taking longer than 10 s is reported as a hang.
status=0
.build/release/ClaspFuzz "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=80000 -artifact_prefix="$artifacts/" -print_final_stats=1 >"$corpus.log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::number_of_executed_units|^==[0-9]+==|SUMMARY|(crash|timeout|oom)-' \
  "$corpus.log" | tail -20 || true
rm -f "$corpus.log"
if [ "$status" -ne 0 ]; then
  echo "fuzz: FAILED (status $status); reproducer in $artifacts" >&2
  exit "$status"
fi
echo "fuzz: no crash or hang in ${seconds}s"

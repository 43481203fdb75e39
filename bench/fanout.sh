#!/usr/bin/env bash
# Benchmark 2, fan-out at the Teams limit: opens a check-in campaign to N people (default 100,000) in EvalBot (its
# Release build, a separate process, SQLite) and delivers it through the outbox to a fake Teams that enforces the
# published limits (50 requests/s per app and tenant; per conversation 7/s, 8/2 s, 60/30 s, 1,800/h; 429 with
# Retry-After past them). Prints one Markdown row: rate, rate ÷ allowed, 429s, lost, duplicated, CPU per message.
# Usage: bench/fanout.sh [--people 100000] [--limits on|off] [--concurrency 8] [--quick]
#   --quick: 5,000 people (about two minutes at the allowed rate), to check the harness, not to report.
#   --limits off: no limits at the fake and no pacing in EvalBot, for EvalBot's own ceiling.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/evalbot-bench-fanout-artifacts}"
dotnet build "$root/bench/FanOut" -c Release --artifacts-path "$artifacts" -nologo -v quiet -clp:ErrorsOnly
args=()
for a in "$@"; do
  if [ "$a" = "--quick" ]; then args+=(--people 5000); else args+=("$a"); fi
done
exec dotnet "$artifacts/bin/EvalBot.Bench.FanOut/release/EvalBot.Bench.FanOut.dll" "${args[@]}"

#!/usr/bin/env bash
# Benchmark 2, fan-out at the Teams limit under real conditions: opens a check-in campaign to N people (default
# 100,000) and the peer-feedback round of the same period in EvalBot (its Release build, a separate process, SQLite),
# so each person has two messages due together (the prompt and the round's card), and delivers them through the outbox
# to a fake Teams that enforces the published limits (50 requests/s per app and tenant; per conversation 7/s, 8/2 s,
# 60/30 s, 1,800/h; 429 with Retry-After past them), answers each call in 100–300 ms and fails 1 % of them with 503,
# 500 or 412. Prints one Markdown row: rate, rate ÷ allowed, 429s, failures, lost, duplicated, CPU per message.
# Usage: bench/fanout.sh [--people 100000] [--limits on|off] [--concurrency 8] [--max-concurrency 64]
#                        [--latency 100-300] [--errors 0.01] [--messages 2] [--rate R] [--quick]
#   --rate R: EvalBot's pace in requests per second (Delivery:TenantRequestsPerSecond); its own default when not given.
#   --max-concurrency 8 (= --concurrency): a fixed number of sends in flight, as before the sender adapted to latency.
#   --quick: 2,500 people, 5,000 messages (about two minutes at the allowed rate), to check the harness, not to report.
#   --limits off: no limits at the fake and no pacing in EvalBot, for EvalBot's own ceiling.
#   --latency 0 --errors 0 --messages 1: the instant fake and one prompt each, as the runs before December 6.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/evalbot-bench-fanout-artifacts}"
dotnet build "$root/bench/FanOut" -c Release --artifacts-path "$artifacts" -nologo -v quiet -clp:ErrorsOnly
args=()
for a in "$@"; do
  if [ "$a" = "--quick" ]; then args+=(--people 2500); else args+=("$a"); fi
done
exec dotnet "$artifacts/bin/EvalBot.Bench.FanOut/release/EvalBot.Bench.FanOut.dll" "${args[@]}"

#!/usr/bin/env bash
# Benchmark 1, inbound turns: EvalBot (help and a check-in submit) against the JavaScript Bot Framework SDK (botbuilder)
# and a bare ASP.NET Core endpoint, channel auth on, replies to a local fake connector. Prints a Markdown table.
# Usage: bench/inbound.sh [--runs 5] [--duration 10] [--warmup 15] [--concurrency 16] [--markdown out.md] [--only help]
# Build output goes to $BENCH_ARTIFACTS (default: a folder under $TMPDIR), so it never collides with other builds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/evalbot-bench-inbound-artifacts}"

command -v node >/dev/null || { echo "Node.js 20 is required (node not found)" >&2; exit 1; }
if [ ! -d "$root/bench/node/node_modules/botbuilder" ]; then
  (cd "$root/bench/node" && npm ci --no-audit --no-fund)
fi

for project in src/EvalBot bench/Bare bench/Inbound; do
  dotnet build "$root/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet -clp:ErrorsOnly
done

exec dotnet "$artifacts/bin/EvalBot.Bench.Inbound/release/EvalBot.Bench.Inbound.dll" \
  --evalbot "$artifacts/bin/EvalBot/release/EvalBot.dll" \
  --bare "$artifacts/bin/EvalBot.Bench.Bare/release/EvalBot.Bench.Bare.dll" \
  --node-dir "$root/bench/node" \
  "$@"

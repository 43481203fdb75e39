#!/usr/bin/env bash
# Benchmark 1, inbound turns: EvalBot (help and a check-in submit) against a fair JavaScript Bot Framework SDK peer
# (botbuilder: routes, renders the same card, makes the turn durable, replies), the floor (EvalBot's own auth, one
# group-committed durable insert, the reply) and a bare ASP.NET Core endpoint (transport ceiling), channel auth on,
# replies to a local fake connector. Prints a Markdown table.
# Usage: bench/inbound.sh [--runs 5] [--duration 10] [--warmup 15] [--concurrency 16] [--markdown out.md] [--only help]
# Build output goes to $BENCH_ARTIFACTS (default: a folder under $TMPDIR), so it never collides with other builds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/evalbot-bench-inbound-artifacts}"

command -v node >/dev/null || { echo "Node.js 20 is required (node not found)" >&2; exit 1; }
if [ ! -d "$root/bench/node/node_modules/botbuilder" ] || [ ! -d "$root/bench/node/node_modules/adaptivecards-templating" ]; then
  (cd "$root/bench/node" && npm ci --no-audit --no-fund)
fi

for project in src/EvalBot bench/Bare bench/Floor bench/Inbound; do
  dotnet build "$root/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet -clp:ErrorsOnly
done

exec dotnet "$artifacts/bin/EvalBot.Bench.Inbound/release/EvalBot.Bench.Inbound.dll" \
  --evalbot "$artifacts/bin/EvalBot/release/EvalBot.dll" \
  --bare "$artifacts/bin/EvalBot.Bench.Bare/release/EvalBot.Bench.Bare.dll" \
  --floor "$artifacts/bin/EvalBot.Bench.Floor/release/EvalBot.Bench.Floor.dll" \
  --node-dir "$root/bench/node" \
  "$@"

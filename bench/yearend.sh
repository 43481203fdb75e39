#!/usr/bin/env bash
# Year-end benchmarks (issue 8, benchmarks 3 and 4). Builds Release, runs, prints a Markdown table on stdout
# (progress on stderr). See bench/YearEnd/RESULTS.md.
#
#   bench/yearend.sh compile [--people 100000] [--runs 3]   # the annual compile on SQLite, then on PostgreSQL
#   bench/yearend.sh summary [--people 10000] [--runs 200]  # p50/p95/p99 of the unit summary (đơn vị) of a 1,000-person agency
#   bench/yearend.sh summary --compiled                      # the same after the year-end compile (December: every person has a draft)
#   bench/yearend.sh summary --compiled --text "xếp loại"    # the agency head's classification turn (decision list, cases, list)
#   bench/yearend.sh summary --text "quản trị" --as board     # the organisation board's card (every unit's reports, the period's delivery)
#   --quick (either command): 10,000 people, one compile run or 50 summary requests, to check the harness, not to report.
#
# PostgreSQL: set EVALBOT_BENCH_POSTGRES to an Npgsql connection string of a role with CREATEDB, e.g.
#   EVALBOT_BENCH_POSTGRES="Host=127.0.0.1;Username=evalbot_test;Password=evalbot_test"
# The benchmark creates and drops its own database there. Unset: PostgreSQL is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="${YEAREND_ARTIFACTS:-/tmp/art-yearend}"
dotnet build bench/YearEnd -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2
harness="$artifacts/bin/EvalBot.Bench.YearEnd/release/EvalBot.Bench.YearEnd.dll"
command="${1:-}"
shift || true
args=()
for a in "$@"; do
  if [ "$a" = "--quick" ]; then
    if [ "$command" = "compile" ]; then args+=(--people 10000 --runs 1); else args+=(--people 10000 --runs 50); fi
  else
    args+=("$a")
  fi
done
set -- "${args[@]+"${args[@]}"}"
case "$command" in
  compile|summary)
    dotnet "$harness" "$command" --provider sqlite "$@"
    if [[ -n "${EVALBOT_BENCH_POSTGRES:-}" ]]; then
      # Same table: only the PostgreSQL row.
      dotnet "$harness" "$command" --provider postgres "$@" | tail -n 1
    else
      echo
      echo "PostgreSQL skipped: set EVALBOT_BENCH_POSTGRES to a connection string (a role with CREATEDB) to run it too."
    fi
    ;;
  *)
    echo "usage: bench/yearend.sh compile|summary [options]" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Recreates the single Initial migration of each provider from the current model.
# Until the first release the schema has one migration per provider; after it, add migrations instead:
#   dotnet ef migrations add <Name> --context SqliteEvalBotDbContext --output-dir Persistence/Migrations/Sqlite
#   dotnet ef migrations add <Name> --context PostgresEvalBotDbContext --output-dir Persistence/Migrations/Postgres
# Serialised with a lock so that two people regenerating at once do not interleave.
set -euo pipefail
cd "$(dirname "$0")/../src/EvalBot"
exec 9>/tmp/evalbot-migrations.lock
flock 9
dotnet tool restore >/dev/null
backup=$(mktemp -d)
cp -r Persistence/Migrations "$backup/"
rm -rf Persistence/Migrations
if ! dotnet build -v q -nologo >"$backup/build.log" 2>&1; then
  cp -r "$backup/Migrations" Persistence/
  echo "the host does not build; fix that first" >&2
  grep -E " error " "$backup/build.log" | sort -u >&2
  exit 1
fi
for provider in Sqlite Postgres; do
  if ! dotnet ef migrations add Initial --no-build --context "${provider}EvalBotDbContext" --output-dir "Persistence/Migrations/$provider" >"$backup/ef.log" 2>&1; then
    rm -rf Persistence/Migrations && cp -r "$backup/Migrations" Persistence/
    cat "$backup/ef.log" >&2
    exit 1
  fi
done
echo "migrations regenerated"

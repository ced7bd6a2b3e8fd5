#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: restores, builds (warnings are errors), checks formatting, tests.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet not found on PATH)." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
configuration=Release
results="$(pwd)/TestResults"
rm -rf "$results"

# The Azure Storage tests run against Azurite; the contract tests lint the OpenAPI document with Redocly and replay
# a session through Prism's validating proxy. Each is installed from the project's own lock file.
if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js and npm are required to install Azurite, Redocly and Prism (tools/azurite, tools/redocly, tools/prism)." >&2
  exit 1
fi
for tool in azurite redocly prism; do
  (cd "tools/$tool" && npm ci --no-audit --no-fund --loglevel=error)
done

# Kiota (.config/dotnet-tools.json): the contract tests check the committed client is what it generates.
dotnet tool restore
dotnet restore Campaign.Orleans.sln
dotnet build Campaign.Orleans.sln --no-restore -c "$configuration"
dotnet format Campaign.Orleans.sln --verify-no-changes --no-restore

status=0
dotnet test Campaign.Orleans.sln --no-build -c "$configuration" \
  --logger "trx;LogFilePrefix=results" --results-directory "$results" || status=$?

# One plain summary line over every test project.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"

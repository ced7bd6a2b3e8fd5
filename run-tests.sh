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

# What the suite needs from the system: Node.js and npm (Azurite, Redocly and Prism) and Chromium (the browser
# tests). When missing they are installed with apt-get (Debian/Ubuntu), as root or through sudo.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else sudo_cmd="none"; fi
  fi
  if [ "$sudo_cmd" = "none" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing: ${missing[*]}. Install them (Debian: apt-get install -y ${missing[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Azure Storage tests run against Azurite; the contract tests lint the OpenAPI document with Redocly and replay
# a session through Prism's validating proxy. Each is installed from the project's own lock file.
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

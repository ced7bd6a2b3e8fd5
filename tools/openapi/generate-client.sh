#!/usr/bin/env bash
# Regenerates the typed client in tests/Campaign.ApiClient/Generated from tests/Campaign.ApiClient/openapi.json.
# With --snapshot, first saves the document the host serves now as that openapi.json (through the contract test).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${1:-}" = "--snapshot" ]; then
  dotnet build tests/Campaign.Tests
  OPENAPI_SNAPSHOT_UPDATE=1 dotnet test tests/Campaign.Tests --no-build --filter "FullyQualifiedName~Contract.OpenApiSnapshotTests.The_saved_document"
fi

dotnet tool restore
client=tests/Campaign.ApiClient
# Generation needs nothing but the file: no usage reports, and the update check is sent to a closed loopback port.
KIOTA_CLI_TELEMETRY_OPTOUT=true HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 NO_PROXY= dotnet tool run kiota generate \
  --language CSharp --openapi "$client/openapi.json" --output "$client/Generated" \
  --class-name CampaignApiClient --namespace-name Campaign.ApiClient \
  --exclude-backward-compatible --clean-output --log-level Error
rm -f "$client/Generated/.kiota.log"

#!/usr/bin/env bash
# Refreshes the dashboard's API types after an API change: writes the OpenAPI document the silo serves to
# src/TradingAlerts.Silo/ClientApp/src/api/openapi.json (GeneratedClientTests in write mode: an embedded silo, no
# services needed), then generates src/api/schema.d.ts from it with openapi-typescript. Commit both files.
#
#   deploy/api-types.sh
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Without the dashboard bundle: its build checks these very files (ClientApp typecheck and api:check).
TRADINGALERTS_WRITE_OPENAPI=1 dotnet test "$repo/tests/TradingAlerts.IntegrationTests" -v q --nologo -p:SkipClientApp=true \
  --filter "FullyQualifiedName~TradingAlerts.IntegrationTests.Api.GeneratedClientTests"
cd "$repo/src/TradingAlerts.Silo/ClientApp"
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent api:types
echo "wrote src/TradingAlerts.Silo/ClientApp/src/api/openapi.json and schema.d.ts"

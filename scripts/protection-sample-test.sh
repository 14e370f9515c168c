#!/usr/bin/env bash
# End-to-end check of samples/NeoGen.Samples.Protection: encrypted, masked and tenant-scoped columns on embedded
# SQLite, the stored bytes printed beside the decrypted values; the sample checks its own claims and exits 0 only
# when all of them hold. Run by `./build.sh test`; can be run alone: bash scripts/protection-sample-test.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "[protection-sample] dotnet run samples/NeoGen.Samples.Protection -c Release"
dotnet run --project "$ROOT/samples/NeoGen.Samples.Protection" -c Release

#!/usr/bin/env bash
# End-to-end Native AOT check: publish samples/NeoGen.Samples.AotService with PublishAot=true,
# fail on any IL2xxx/IL3xxx (trim/AOT) warning, then run the native binary and require exit 0.
# NEOGEN_POSTGRES and NEOGEN_MARIADB are passed through to the binary when set.
# Exit 0 = passed. Run by `./build.sh test`; can be run alone: bash scripts/aot-test.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJ_DIR="$ROOT/samples/NeoGen.Samples.AotService"
APP_NAME="NeoGen.Samples.AotService"
RUN_TIMEOUT="${NEOGEN_AOT_RUN_TIMEOUT:-300}"

log() { echo "[aot-test] $*"; }
fail() { echo "[aot-test] FAILED: $*" >&2; exit 1; }

[ -d "$PROJ_DIR" ] || fail "$PROJ_DIR does not exist"

# Native AOT links with clang or gcc (the .NET 10 ILCompiler ships its own libz.a, so
# zlib1g-dev is only a fallback). Install a toolchain when neither compiler is present.
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
  log "no clang or gcc: installing clang and zlib1g-dev with apt-get (Native AOT prerequisites)"
  [ "$(id -u)" -eq 0 ] || fail "Native AOT needs clang or gcc: apt-get install clang zlib1g-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null \
    && apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends clang zlib1g-dev >/dev/null \
    || fail "apt-get install clang zlib1g-dev failed"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/neogen-aot-test.XXXXXX")"
trap 'rm -rf -- "$WORK"' EXIT
OUT="$WORK/publish"
LOG="$WORK/publish.log"

# Trim/AOT warnings are only reported when the compiler and ILC actually run: drop the
# sample's RID-specific intermediates so an up-to-date incremental publish cannot hide them.
rm -rf "$PROJ_DIR"/obj/Release/*/linux-x64 "$PROJ_DIR"/bin/Release/*/linux-x64

# PublishAot is set in the sample project: as a global property it would reach the netstandard2.0 generator too (NETSDK1207).
log "dotnet publish samples/NeoGen.Samples.AotService -c Release -r linux-x64 (PublishAot=true in the project)"
rc=0
dotnet publish "$PROJ_DIR" -c Release -r linux-x64 -o "$OUT" -nologo >"$LOG" 2>&1 || rc=$?

WARNINGS="$(grep -E 'warning IL[23][0-9]{3}' "$LOG" | sed 's/^ *//' | sort -u || true)"
if [ "$rc" -ne 0 ]; then
  cat "$LOG"
  fail "dotnet publish failed (exit $rc)"
fi
if [ -n "$WARNINGS" ]; then
  echo "$WARNINGS" >&2
  fail "$(printf '%s\n' "$WARNINGS" | wc -l) trim/AOT warning(s) (IL2xxx/IL3xxx) in the publish output"
fi
grep -E 'warning ' "$LOG" | sed 's/^ *//' | sort -u || true

BIN="$OUT/$APP_NAME"
[ -x "$BIN" ] || fail "published binary $BIN not found"
log "native binary: $(du -h "$BIN" | cut -f1) $BIN"

pg_state="not set"; [ -z "${NEOGEN_POSTGRES:-}" ] || pg_state="set"
maria_state="not set"; [ -z "${NEOGEN_MARIADB:-}" ] || maria_state="set"
log "running $APP_NAME (NEOGEN_POSTGRES $pg_state, NEOGEN_MARIADB $maria_state)"
rc=0
(cd "$WORK" && timeout "$RUN_TIMEOUT" "$BIN") || rc=$?
[ "$rc" -eq 0 ] || fail "$APP_NAME exited with code $rc"
log "passed"

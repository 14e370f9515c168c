#!/usr/bin/env bash
# End-to-end check of the NuGet package: pack src/NeoGen into a local folder feed, restore it
# into a fresh console app outside the repo (local feed + nuget.org), let the packed source
# generator write a SQLite repository, run it and check its output.
# Exit 0 = passed. Run by `./build.sh test`; can be run alone: bash scripts/pack-test.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "[pack-test] $*"; }
fail() { echo "[pack-test] FAILED: $*" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/neogen-pack-test.XXXXXX")"
GLOBAL_PACKAGES=""
# Remove the work dir and the copy of our package that restore put in the global packages folder.
cleanup() {
  rm -rf -- "$WORK"
  if [ -n "$GLOBAL_PACKAGES" ]; then rm -rf -- "${GLOBAL_PACKAGES%/}/neogen"; fi
}
trap cleanup EXIT

FEED="$WORK/feed"
APP="$WORK/app"
mkdir -p "$FEED" "$APP"

# Stop MSBuild from picking up Directory.Build.* / Directory.Packages.props from folders above $WORK.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
  echo '<Project />' >"$WORK/$f"
done

log "dotnet pack src/NeoGen/NeoGen.csproj -c Release -o $FEED"
dotnet pack "$ROOT/src/NeoGen/NeoGen.csproj" -c Release -o "$FEED" -nologo \
  || fail "dotnet pack failed"

NUPKG="$(find "$FEED" -maxdepth 1 -name 'NeoGen.*.nupkg' ! -name '*.symbols.nupkg' | sort | tail -n 1)"
[ -n "$NUPKG" ] || fail "no NeoGen.*.nupkg in $FEED"
VERSION="$(basename "$NUPKG" .nupkg)"
VERSION="${VERSION#NeoGen.}"
log "packed $(basename "$NUPKG") (version $VERSION)"

# The package must carry the generator/analyzers next to the runtime.
if command -v unzip >/dev/null 2>&1; then
  CONTENT="$(unzip -Z1 "$NUPKG")"
  printf '%s\n' "$CONTENT" | grep -q '^lib/net10.0/NeoGen.dll$' || fail "package has no lib/net10.0/NeoGen.dll"
  printf '%s\n' "$CONTENT" | grep -q '^analyzers/dotnet/cs/NeoGen.Generator.dll$' || fail "package has no analyzers/dotnet/cs/NeoGen.Generator.dll"
fi

# Never use a stale copy of the package from an earlier run (only this package is cleared).
GP="${NUGET_PACKAGES:-}"
if [ -z "$GP" ]; then
  GP="$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: *//p')" || true
fi
GLOBAL_PACKAGES="${GP:-$HOME/.nuget/packages}"
rm -rf -- "${GLOBAL_PACKAGES%/}/neogen"

cat >"$APP/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="neogen-local" value="$FEED" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
EOF

cat >"$APP/PackTestApp.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NeoGen" Version="$VERSION" />
    <PackageReference Include="Microsoft.Data.Sqlite" Version="10.0.15" />
  </ItemGroup>
</Project>
EOF

cat >"$APP/Program.cs" <<'EOF'
using System;
using System.IO;
using Microsoft.Data.Sqlite;
using NeoGen;

namespace PackTestApp;

[Table("items")]
public sealed record Item
{
    [Key, Generated] public long Id { get; init; }
    public required string Name { get; init; }
}

[Repository(Dialect.Sqlite)]
public partial interface IItemRepository : ICrudRepository<Item, long>
{
    [Query("SELECT id, name FROM items WHERE name = @name")]
    Item? FindByName(string name);
}

public static class Program
{
    public static int Main()
    {
        string path = Path.Combine(Path.GetTempPath(), "neogen-pack-test-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using (var connection = new SqliteConnection("Data Source=" + path))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)";
                command.ExecuteNonQuery();
            }

            var source = new NeoGenDataSource(Dialect.Sqlite, () => new SqliteConnection("Data Source=" + path));
            IItemRepository repo = new SqliteItemRepository(source);

            Item inserted = repo.Insert(new Item { Name = "a" });
            if (inserted.Id <= 0)
            {
                Console.Error.WriteLine($"Insert returned Id {inserted.Id}, expected > 0");
                return 2;
            }

            Item? found = repo.FindByName("a");
            if (found is null || found.Id != inserted.Id || found.Name != "a")
            {
                Console.Error.WriteLine($"FindByName(\"a\") returned {found?.ToString() ?? "null"}, expected {inserted}");
                return 3;
            }

            if (repo.FindByName("zzz") is not null)
            {
                Console.Error.WriteLine("FindByName(\"zzz\") found a row");
                return 4;
            }

            Console.WriteLine($"NEOGEN-PACK-TEST-OK id={found.Id} name={found.Name}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
EOF

log "restoring and building a fresh console app against NeoGen $VERSION in $APP"
BUILD_LOG="$WORK/build.log"
if ! (cd "$APP" && dotnet build -c Release -nologo) >"$BUILD_LOG" 2>&1; then
  cat "$BUILD_LOG"
  fail "the consumer app did not restore/build against the packed NeoGen"
fi
# A generator or analyzer that throws, or an analyzer assembly that cannot load (CS8032/CS8034),
# shows up as a warning, not an error: catch it here.
if grep -E 'warning (CS8032|CS8034|CS8784|CS8785|AD0001)' "$BUILD_LOG" >/dev/null; then
  grep -E 'warning (CS8032|CS8034|CS8784|CS8785|AD0001)' "$BUILD_LOG" | sort -u >&2
  fail "a NeoGen generator/analyzer crashed while compiling the consumer app"
fi

log "running the consumer app"
OUT="$WORK/run.log"
rc=0
(cd "$APP" && dotnet run -c Release --no-build) >"$OUT" 2>&1 || rc=$?
cat "$OUT"
[ "$rc" -eq 0 ] || fail "the consumer app exited with code $rc"
grep -q '^NEOGEN-PACK-TEST-OK id=[1-9][0-9]* name=a$' "$OUT" || fail "the consumer app did not print the expected line"
log "passed"

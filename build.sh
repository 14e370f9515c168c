#!/usr/bin/env bash
# NeoGen build entry point. See docs/build-and-test.md.
#
#   ./build.sh test            the one test command (PostgreSQL + MariaDB + dotnet test + end-to-end checks)
#   ./build.sh quickstart      run the quick-start sample
#   ./build.sh protection      run the sample of encrypted, masked and tenant-scoped columns
#   ./build.sh bench [args]    run the benchmarks against a throwaway PostgreSQL and MariaDB
#   ./build.sh pg-start        start a throwaway PostgreSQL for development (state in .tmp/pg)
#   ./build.sh pg-stop         stop it and delete its data
#   ./build.sh maria-start     start a throwaway MariaDB for development (state in .tmp/maria)
#   ./build.sh maria-stop      stop it and delete its data
#   ./build.sh test-sqlserver  the contract suite on the SQL Server NEOGEN_SQLSERVER names (none runs here)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

PG_MAJOR=15
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_DEFAULT_PORT=55432
PG_DB=neogen_test
PG_STATE_DIR="$ROOT/.tmp/pg"
RESULTS_DIR="$ROOT/.tmp/test-results"

# The tests and the servers run in two different time zones, neither of them UTC, so that a date written or read
# in the wrong zone shows as a failure instead of passing by luck on a UTC machine.
TEST_CLIENT_TZ="${NEOGEN_TEST_TZ:-America/New_York}"
TEST_SERVER_TZ="${NEOGEN_SERVER_TZ:-Europe/Berlin}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "[build.sh] $*"; }
err() { echo "[build.sh] ERROR: $*" >&2; }
die() { err "$*"; exit 1; }

usage() {
  cat <<'EOF'
[build.sh] usage: ./build.sh <command> [args]
[build.sh]   test          build, start a throwaway PostgreSQL and MariaDB, run all tests and end-to-end checks;
[build.sh]                 last line: "N passed, N failed"
[build.sh]   quickstart    dotnet run the quick-start sample
[build.sh]   protection    dotnet run the encryption, masking and tenancy sample
[build.sh]   bench [args]  run benchmarks/NeoGen.Benchmarks against a throwaway PostgreSQL and MariaDB
[build.sh]   pg-start      start a PostgreSQL for development and print the export line
[build.sh]   pg-stop       stop the server started by pg-start and delete its data
[build.sh]   maria-start   start a MariaDB for development and print the export line
[build.sh]   maria-stop    stop the server started by maria-start and delete its data
[build.sh]   test-sqlserver  run tests/NeoGen.SqlServerTests against the SQL Server in NEOGEN_SQLSERVER
EOF
}

# ---------------------------------------------------------------------------
# PostgreSQL bootstrap (shared by test, bench and pg-start)
# ---------------------------------------------------------------------------

# Current server (set by pg_start_server, cleared by pg_stop_server).
PG_TMP=""       # temp dir: holds data/, the unix socket and the log
PG_PORT=""

# Run a PostgreSQL server command as the postgres user when we are root
# (initdb/postgres refuse to run as root), else as ourselves.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Stop a Debian "main" cluster if the package started one; we only want our own server.
pg_stop_debian_cluster() {
  if command -v pg_lsclusters >/dev/null 2>&1; then
    local line
    line="$(pg_lsclusters --no-header 2>/dev/null | awk -v v="$PG_MAJOR" '$1==v && $2=="main" {print $4}')" || true
    if [ "$line" = "online" ]; then
      log "stopping the Debian default cluster ${PG_MAJOR}/main (not used by NeoGen)"
      pg_ctlcluster "$PG_MAJOR" main stop >/dev/null 2>&1 || service postgresql stop >/dev/null 2>&1 || true
    fi
  fi
}

pg_ensure_binaries() {
  if [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] \
     && [ -x "$PG_BIN/pg_isready" ] && [ -x "$PG_BIN/psql" ] && [ -x "$PG_BIN/createdb" ]; then
    return 0
  fi
  log "PostgreSQL ${PG_MAJOR} server binaries not found in $PG_BIN; installing package 'postgresql' with apt-get"
  if [ "$(id -u)" -ne 0 ]; then
    die "PostgreSQL ${PG_MAJOR} is not installed and we are not root: run 'sudo apt-get install postgresql' (Debian 12) first"
  fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install PostgreSQL ${PG_MAJOR} server binaries into $PG_BIN by hand"

  # Keep the package from starting services during install (Debian honours policy-rc.d).
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  local ok=1
  if ! {
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -q &&
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends postgresql
  } 2>&1 | sed 's/^/[build.sh] apt: /'; then
    ok=0
  fi
  if [ "$made_policy" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  [ "$ok" -eq 1 ] || die "apt-get install postgresql failed; cannot run the PostgreSQL tests"
  [ -x "$PG_BIN/postgres" ] || die "package 'postgresql' installed but $PG_BIN/postgres is missing (is the Debian default not PostgreSQL ${PG_MAJOR}?)"
  pg_stop_debian_cluster
  log "PostgreSQL ${PG_MAJOR} installed"
}

# 0 if something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1
}

pg_pick_port() {
  local port="${NEOGEN_PG_PORT:-$PG_DEFAULT_PORT}" tries=0
  [[ "$port" =~ ^[0-9]+$ ]] || die "NEOGEN_PG_PORT must be a number, got '$port'"
  while port_in_use "$port"; do
    tries=$((tries + 1))
    [ "$tries" -lt 200 ] || die "no free port found in ${NEOGEN_PG_PORT:-$PG_DEFAULT_PORT}..$port"
    port=$((port + 1))
  done
  echo "$port"
}

# pg_start_server: initdb a throwaway cluster in a new temp dir and start it on 127.0.0.1.
# Sets PG_TMP, PG_PORT, NEOGEN_POSTGRES (exported).
pg_start_server() {
  pg_ensure_binaries
  pg_stop_debian_cluster

  PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/neogen-pg.XXXXXX")"
  chmod 755 "$PG_TMP"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_TMP"; fi
  local data="$PG_TMP/data" logf="$PG_TMP/server.log"

  log "initdb in $data"
  if ! as_pg "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C >"$PG_TMP/initdb.log" 2>&1; then
    sed 's/^/[build.sh] initdb: /' "$PG_TMP/initdb.log" >&2 || true
    die "initdb failed"
  fi
  cat >>"$data/postgresql.conf" <<EOF

# --- NeoGen throwaway test server ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMP'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
log_min_messages = warning
timezone = '$TEST_SERVER_TZ'
log_timezone = '$TEST_SERVER_TZ'
EOF

  local attempt port started=0
  for attempt in 1 2 3 4 5; do
    port="$(pg_pick_port)"
    log "starting PostgreSQL ${PG_MAJOR} on 127.0.0.1:$port (attempt $attempt)"
    if as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$logf" -w -t 60 -o "-p $port" start >/dev/null 2>&1; then
      started=1
      break
    fi
    # Most likely a port race with another process; try the next port.
    sed 's/^/[build.sh] postgres: /' "$logf" 2>/dev/null | tail -n 5 >&2 || true
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    NEOGEN_PG_PORT=$((port + 1))
  done
  [ "$started" -eq 1 ] || die "PostgreSQL did not start; see the log above (data dir $data)"
  PG_PORT="$port"

  local i
  for i in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then break; fi
    [ "$i" -lt 60 ] || die "PostgreSQL on 127.0.0.1:$PG_PORT is not ready after 30 s"
    sleep 0.5
  done
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB" \
    || die "createdb $PG_DB failed on 127.0.0.1:$PG_PORT"

  export NEOGEN_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB"
  log "PostgreSQL ready: NEOGEN_POSTGRES=$NEOGEN_POSTGRES"
}

# pg_stop_dir DIR: stop the server whose temp dir is DIR and delete DIR. Quiet, idempotent.
pg_stop_dir() {
  local dir="$1"
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  local data="$dir/data"
  if [ -f "$data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    if [ -f "$data/postmaster.pid" ]; then
      local pid
      pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
      if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
        kill -QUIT "$pid" 2>/dev/null || true
        sleep 1
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  case "$dir" in
    */neogen-pg.*) rm -rf -- "$dir" ;;
  esac
}

pg_stop_server() {
  local dir="$PG_TMP"
  PG_TMP=""
  [ -n "$dir" ] || return 0
  pg_stop_dir "$dir"
}

# ---------------------------------------------------------------------------
# MariaDB bootstrap (shared by test, bench and maria-start)
# ---------------------------------------------------------------------------

MARIA_DEFAULT_PORT=53306
MARIA_DB=neogen_test
MARIA_TMP=""     # temp dir: holds data/, the socket, the pid file and the log
MARIA_PORT=""

maria_ensure_binaries() {
  if command -v mariadbd >/dev/null 2>&1 && command -v mariadb-install-db >/dev/null 2>&1 \
     && command -v mariadb >/dev/null 2>&1 && command -v mariadb-admin >/dev/null 2>&1; then
    return 0
  fi
  log "MariaDB server binaries not found; installing package 'mariadb-server' with apt-get"
  if [ "$(id -u)" -ne 0 ]; then
    die "MariaDB is not installed and we are not root: run 'sudo apt-get install mariadb-server' (Debian 12) first"
  fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install mariadb-server by hand"
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  local ok=1
  if ! {
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -q &&
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends mariadb-server
  } 2>&1 | sed 's/^/[build.sh] apt: /'; then
    ok=0
  fi
  if [ "$made_policy" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  [ "$ok" -eq 1 ] || die "apt-get install mariadb-server failed; cannot run the MariaDB tests"
  command -v mariadbd >/dev/null 2>&1 || die "package 'mariadb-server' installed but mariadbd is missing"
  log "MariaDB installed"
}

maria_pick_port() {
  local port="${NEOGEN_MARIADB_PORT:-$MARIA_DEFAULT_PORT}" tries=0
  [[ "$port" =~ ^[0-9]+$ ]] || die "NEOGEN_MARIADB_PORT must be a number, got '$port'"
  while port_in_use "$port"; do
    tries=$((tries + 1))
    [ "$tries" -lt 200 ] || die "no free port found in ${NEOGEN_MARIADB_PORT:-$MARIA_DEFAULT_PORT}..$port"
    port=$((port + 1))
  done
  echo "$port"
}

as_mysql() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u mysql -- "$@"
  else
    "$@"
  fi
}

# maria_start_server: a throwaway MariaDB in a new temp dir on 127.0.0.1, in the servers' test time zone.
# Sets MARIA_TMP, MARIA_PORT, NEOGEN_MARIADB (exported).
maria_start_server() {
  maria_ensure_binaries
  MARIA_TMP="$(mktemp -d "${TMPDIR:-/tmp}/neogen-maria.XXXXXX")"
  chmod 755 "$MARIA_TMP"
  if [ "$(id -u)" -eq 0 ]; then chown mysql: "$MARIA_TMP"; fi
  local data="$MARIA_TMP/data" sock="$MARIA_TMP/mysqld.sock"
  log "mariadb-install-db in $data"
  if ! as_mysql mariadb-install-db --no-defaults --datadir="$data" --auth-root-authentication-method=normal \
       --skip-test-db >"$MARIA_TMP/install.log" 2>&1; then
    sed 's/^/[build.sh] mariadb-install-db: /' "$MARIA_TMP/install.log" >&2 || true
    die "mariadb-install-db failed"
  fi

  local attempt port started=0 i
  for attempt in 1 2 3 4 5; do
    port="$(maria_pick_port)"
    log "starting MariaDB on 127.0.0.1:$port (attempt $attempt)"
    # Only on loopback; durability off (a throwaway server); the system time zone is the servers' test zone.
    TZ="$TEST_SERVER_TZ" as_mysql mariadbd --no-defaults --datadir="$data" --bind-address=127.0.0.1 --port="$port" \
      --socket="$sock" --pid-file="$MARIA_TMP/mysqld.pid" --log-error="$MARIA_TMP/error.log" --skip-log-bin \
      --skip-name-resolve --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-buffer-pool-size=128M \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=300 \
      >/dev/null 2>&1 &
    for i in $(seq 1 60); do
      if mariadb-admin --no-defaults --socket="$sock" -u root ping >/dev/null 2>&1; then started=1; break; fi
      sleep 0.5
    done
    [ "$started" -eq 1 ] && break
    tail -n 5 "$MARIA_TMP/error.log" 2>/dev/null | sed 's/^/[build.sh] mariadbd: /' >&2 || true
    maria_kill
    NEOGEN_MARIADB_PORT=$((port + 1))
  done
  [ "$started" -eq 1 ] || die "MariaDB did not start; see the log above (data dir $data)"
  MARIA_PORT="$port"
  mariadb --no-defaults --socket="$sock" -u root -e \
    "CREATE DATABASE $MARIA_DB; CREATE USER 'neogen'@'127.0.0.1' IDENTIFIED BY 'neogen'; GRANT ALL ON *.* TO 'neogen'@'127.0.0.1';" \
    || die "creating the MariaDB test user and database failed"
  export NEOGEN_MARIADB="Server=127.0.0.1;Port=$MARIA_PORT;User ID=neogen;Password=neogen;Database=$MARIA_DB"
  log "MariaDB ready: NEOGEN_MARIADB=$NEOGEN_MARIADB"
}

# Stop the server of MARIA_TMP by its pid file (no other mysqld is touched).
maria_kill() {
  local pidfile="$MARIA_TMP/mysqld.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

maria_stop_dir() {
  local dir="$1"
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  MARIA_TMP="$dir" maria_kill
  case "$dir" in
    */neogen-maria.*) rm -rf -- "$dir" ;;
  esac
}

maria_stop_server() {
  local dir="$MARIA_TMP"
  MARIA_TMP=""
  [ -n "$dir" ] || return 0
  maria_stop_dir "$dir"
}

# Both servers, started and stopped together.
servers_start() { pg_start_server; maria_start_server; }
servers_stop() { maria_stop_server; pg_stop_server; }

# ---------------------------------------------------------------------------
# Test result counting
# ---------------------------------------------------------------------------

TOTAL_PASSED=0
TOTAL_FAILED=0

count_fail() { # count_fail REASON
  TOTAL_FAILED=$((TOTAL_FAILED + 1))
  err "FAILED: $*"
}

count_pass() { # count_pass NAME
  TOTAL_PASSED=$((TOTAL_PASSED + 1))
  log "passed: $*"
}

# attr NAME TEXT -> value of NAME="..." in TEXT (0 if absent)
attr() {
  local v
  v="$(printf '%s' "$2" | grep -o "[[:space:]]$1=\"[^\"]*\"" | head -n 1 | sed 's/.*="\(.*\)"/\1/')" || true
  echo "${v:-0}"
}

# Sum the <Counters> of every .trx under $1. Sets TRX_FILES (count) and TRX_STORAGES (newline list).
TRX_FILES=0
TRX_ANON=0       # trx files that name no test assembly
TRX_STORAGES=""
sum_trx() {
  local dir="$1" f
  [ -d "$dir" ] || return 0
  while IFS= read -r -d '' f; do
    TRX_FILES=$((TRX_FILES + 1))
    local counters outcome storage total passed failed error timeout aborted name
    counters="$(tr '\n' ' ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1)" || true
    outcome="$(tr '\n' ' ' <"$f" | grep -o '<ResultSummary [^>]*>' | head -n 1)" || true
    outcome="$(attr outcome "$outcome")"
    storage="$(grep -o 'storage="[^"]*"' "$f" | head -n 1 | sed 's/storage="\(.*\)"/\1/')" || true
    if [ -z "$storage" ]; then
      # No test result recorded (e.g. the host crashed): xunit still logged the assembly name.
      storage="$(grep -o 'Discovering: *[^ <]*' "$f" | head -n 1 | sed 's/Discovering: *//')" || true
      [ -z "$storage" ] || storage="$storage.dll"
    fi
    if [ -n "$storage" ]; then
      name="$(basename "$storage")"
      TRX_STORAGES+="$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]')"$'\n'
    else
      name="$(basename "$f")"
      TRX_ANON=$((TRX_ANON + 1))
    fi
    if [ -z "$counters" ]; then
      count_fail "$name: no <Counters> element in $(basename "$f") (test run crashed?)"
      continue
    fi
    total="$(attr total "$counters")"; passed="$(attr passed "$counters")"
    failed="$(attr failed "$counters")"; error="$(attr error "$counters")"
    timeout="$(attr timeout "$counters")"; aborted="$(attr aborted "$counters")"
    failed=$((failed + error + timeout + aborted))
    log "$name: total $total, passed $passed, failed $failed (outcome $outcome)"
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    if [ "$failed" -eq 0 ] && [ "$outcome" != "Completed" ] && [ "$outcome" != "Passed" ]; then
      # e.g. the test host crashed after some tests passed: the run is not clean.
      count_fail "$name: run outcome '$outcome' (see RunInfos in $(basename "$f"))"
    fi
  done < <(find "$dir" -name '*.trx' -type f -print0 | sort -z)
}

# Names (lower-case assembly file names) of the test projects in NeoGen.sln.
test_assemblies() {
  local proj out
  while IFS= read -r proj; do
    [ -f "$proj" ] || continue
    out="$(dotnet msbuild "$proj" -nologo -getProperty:IsTestProject -getProperty:AssemblyName -p:Configuration=Release 2>/dev/null)" || continue
    if printf '%s' "$out" | grep -qi '"IsTestProject": *"true"'; then
      printf '%s' "$out" | grep -o '"AssemblyName": *"[^"]*"' | sed 's/.*: *"\(.*\)"/\1/' | tr '[:upper:]' '[:lower:]'
    fi
  done < <(dotnet sln NeoGen.sln list 2>/dev/null | grep -Ei '\.(cs|fs|vb)proj$' | tr '\\' '/')
}

run_script_check() { # run_script_check PATH
  local script="$1"
  if [ ! -f "$script" ]; then
    log "skipping $script (not present)"
    return 0
  fi
  log "running $script"
  if bash "$script"; then
    count_pass "$script"
  else
    count_fail "$script exited non-zero"
  fi
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------

SUMMARY_PRINTED=0
# On an early exit (PostgreSQL failed, Ctrl-C, ...) still end with the summary line;
# the abort itself counts as one failure.
test_exit_trap() {
  local rc=$?
  servers_stop
  if [ "$SUMMARY_PRINTED" -eq 0 ]; then
    [ "$rc" -ne 0 ] || rc=1
    err "test run aborted (exit $rc)"
    echo "$TOTAL_PASSED passed, $((TOTAL_FAILED + 1)) failed"
  fi
  exit "$rc"
}

cmd_test() {
  trap 'test_exit_trap' EXIT
  trap 'err "interrupted"; exit 130' INT
  trap 'err "terminated"; exit 143' TERM

  servers_start
  if ! "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -tAc 'SELECT 1' >/dev/null; then
    die "cannot connect to PostgreSQL with psql on 127.0.0.1:$PG_PORT"
  fi
  if ! mariadb --no-defaults -h 127.0.0.1 -P "$MARIA_PORT" -u neogen -pneogen "$MARIA_DB" -e 'SELECT 1' >/dev/null; then
    die "cannot connect to MariaDB on 127.0.0.1:$MARIA_PORT"
  fi

  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"

  local build_ok=1 test_rc=0
  log "dotnet build NeoGen.sln -c Release"
  if ! dotnet build NeoGen.sln -c Release; then
    build_ok=0
    count_fail "dotnet build NeoGen.sln -c Release"
  fi

  log "dotnet test NeoGen.sln -c Release"
  local no_build=()
  [ "$build_ok" -eq 1 ] && no_build=(--no-build)
  log "dotnet test runs with TZ=$TEST_CLIENT_TZ; the servers run with TimeZone $TEST_SERVER_TZ"
  TZ="$TEST_CLIENT_TZ" dotnet test NeoGen.sln -c Release "${no_build[@]}" --logger trx --results-directory "$RESULTS_DIR" || test_rc=$?

  local failed_before=$TOTAL_FAILED
  sum_trx "$RESULTS_DIR"
  local trx_failed=$((TOTAL_FAILED - failed_before))

  # Every test project must have produced a trx (a trx naming no assembly, already
  # counted as failed above, accounts for one of them).
  if [ "$build_ok" -eq 1 ]; then
    local asm anon=$TRX_ANON
    while IFS= read -r asm; do
      [ -n "$asm" ] || continue
      if ! printf '%s' "$TRX_STORAGES" | grep -qxF "$asm.dll"; then
        if [ "$anon" -gt 0 ]; then
          anon=$((anon - 1))
          log "no named results for test project $asm (probably the aborted run above)"
        else
          count_fail "test project $asm produced no test results (crashed, has no tests, or did not run)"
        fi
      fi
    done < <(test_assemblies)
  fi
  if [ "$build_ok" -eq 1 ] && [ "$test_rc" -ne 0 ] && [ "$trx_failed" -eq 0 ]; then
    count_fail "dotnet test exited with code $test_rc but no failed test was recorded in the trx files"
  fi

  # End-to-end checks, one test each.
  run_script_check scripts/pack-test.sh
  run_script_check scripts/aot-test.sh
  run_script_check scripts/protection-sample-test.sh

  servers_stop
  trap - EXIT INT TERM

  SUMMARY_PRINTED=1
  if [ $((TOTAL_PASSED + TOTAL_FAILED)) -eq 0 ]; then
    err "no tests ran"
    echo "0 passed, 0 failed"
    return 1
  fi
  log "test results: $RESULTS_DIR"
  echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
  [ "$TOTAL_FAILED" -eq 0 ]
}

cmd_bench() {
  trap 'servers_stop' EXIT
  trap 'err "interrupted"; exit 130' INT
  trap 'err "terminated"; exit 143' TERM
  servers_start
  local rc=0
  dotnet run -c Release --project benchmarks/NeoGen.Benchmarks -- "$@" || rc=$?
  servers_stop
  trap - EXIT INT TERM
  log "stopped PostgreSQL and MariaDB"
  return "$rc"
}

MARIA_STATE_DIR="$ROOT/.tmp/maria"

cmd_maria_start() {
  mkdir -p "$MARIA_STATE_DIR"
  local state="$MARIA_STATE_DIR/state"
  if [ -f "$state" ]; then
    local dir port
    dir="$(sed -n 's/^dir=//p' "$state")"; port="$(sed -n 's/^port=//p' "$state")"
    if [ -n "$dir" ] && [ -S "$dir/mysqld.sock" ] && mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -u root ping >/dev/null 2>&1; then
      log "MariaDB already running (maria-stop stops it)"
      echo "export NEOGEN_MARIADB=\"Server=127.0.0.1;Port=$port;User ID=neogen;Password=neogen;Database=$MARIA_DB\""
      return 0
    fi
    maria_stop_dir "$dir"
    rm -f "$state"
  fi
  trap 'maria_stop_server' EXIT
  maria_start_server
  printf 'dir=%s\nport=%s\n' "$MARIA_TMP" "$MARIA_PORT" >"$state"
  trap - EXIT
  log "started; data in $MARIA_TMP; stop with ./build.sh maria-stop"
  echo "export NEOGEN_MARIADB=\"$NEOGEN_MARIADB\""
}

cmd_test_sqlserver() {
  [ -n "${NEOGEN_SQLSERVER:-}" ] || die "NEOGEN_SQLSERVER is not set: give it the connection string of a SQL Server the tests may create databases on"
  TZ="$TEST_CLIENT_TZ" dotnet test tests/NeoGen.SqlServerTests -c Release
}

cmd_maria_stop() {
  local state="$MARIA_STATE_DIR/state"
  if [ ! -f "$state" ]; then
    log "no MariaDB started by maria-start (no $state)"
    return 0
  fi
  local dir
  dir="$(sed -n 's/^dir=//p' "$state")"
  maria_stop_dir "$dir"
  rm -f "$state"
  log "MariaDB stopped and $dir removed"
}

cmd_pg_start() {
  mkdir -p "$PG_STATE_DIR"
  local state="$PG_STATE_DIR/state"
  if [ -f "$state" ]; then
    local dir port
    dir="$(sed -n 's/^dir=//p' "$state")"; port="$(sed -n 's/^port=//p' "$state")"
    if [ -n "$dir" ] && [ -f "$dir/data/postmaster.pid" ] && [ -x "$PG_BIN/pg_isready" ] \
       && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
      log "PostgreSQL already running (pg-stop stops it)"
      echo "export NEOGEN_POSTGRES=\"Host=127.0.0.1;Port=$port;Username=postgres;Database=$PG_DB\""
      return 0
    fi
    pg_stop_dir "$dir"
    rm -f "$state"
  fi
  # Clean up if the start fails half-way.
  trap 'pg_stop_server' EXIT
  pg_start_server
  printf 'dir=%s\nport=%s\n' "$PG_TMP" "$PG_PORT" >"$state"
  trap - EXIT
  log "started; data in $PG_TMP; stop with ./build.sh pg-stop"
  echo "export NEOGEN_POSTGRES=\"$NEOGEN_POSTGRES\""
}

cmd_pg_stop() {
  local state="$PG_STATE_DIR/state"
  if [ ! -f "$state" ]; then
    log "no PostgreSQL started by pg-start (no $state)"
    return 0
  fi
  local dir
  dir="$(sed -n 's/^dir=//p' "$state")"
  pg_stop_dir "$dir"
  rm -f "$state"
  log "PostgreSQL stopped and $dir removed"
}

main() {
  local cmd="${1:-}"
  [ $# -gt 0 ] && shift
  case "$cmd" in
    test)       cmd_test "$@" ;;
    quickstart) dotnet run --project samples/NeoGen.Samples.Quickstart -c Release -- "$@" ;;
    protection) dotnet run --project samples/NeoGen.Samples.Protection -c Release -- "$@" ;;
    bench)      cmd_bench "$@" ;;
    pg-start)   cmd_pg_start "$@" ;;
    pg-stop)    cmd_pg_stop "$@" ;;
    maria-start) cmd_maria_start "$@" ;;
    maria-stop)  cmd_maria_stop "$@" ;;
    test-sqlserver) cmd_test_sqlserver "$@" ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"

#!/usr/bin/env bash
# Runs every test (core, web, browser) on SQLite, then all of them again on PostgreSQL (ADR-025). Installs
# what the tests need and is missing, when run as root: Debian's Chromium for the browser tests (test tools
# cannot download browsers here) and Debian's PostgreSQL, of which it starts a private, throw-away server.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need /usr/bin/chromium: run this script as root once, or: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's postgresql for the PostgreSQL pass..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  else
    echo "The PostgreSQL pass needs Debian's postgresql: run this script as root once, or: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi

log="$(mktemp)"
pg_dir="$(mktemp -d /tmp/powregistry-pg.XXXXXX)"
stop_postgres() {
  kill $(jobs -p) 2>/dev/null || true # a pass's test runs, when this script is stopped before they end
  if [ -f "$pg_dir/data/postmaster.pid" ]; then as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$pg_dir" "$log"
}
trap stop_postgres EXIT
# initdb refuses to run as root: the server runs as the postgres user then.
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = "0" ] && chown postgres "$pg_dir"

status=0
# One build; then each pass runs every test project at once, each on its own `dotnet test` (one after another, the
# core tests ended each pass on one core for minutes, their longest class alone). A project's output is shown when it
# ends, whole. Arguments to this script go to each `dotnet test` (e.g. --logger trx).
dotnet build PowRegistry.sln -nologo -v quiet
# Test processes (and the app processes they start) run without the runtime's profile-guided recompilation. The test
# hosts run a great deal of code a few dozen times each, so with it the JIT kept compiling each method again, with
# counters, then once more: 22 % of the machine's CPU in the tiered-compilation thread (perf, 60 s of the SQLite
# pass). Without it, the SQLite pass alone took 396 and 434 s against 576 and 493 s (two runs of each, in turn). The
# application itself keeps the runtime's default.
export DOTNET_TieredPGO=0
run_pass() {
  local filter="$1"; shift
  local projects=(tests/*/*.Tests.csproj) pids=() logs=() i
  for i in "${!projects[@]}"; do
    logs[i]="$(mktemp)"
    dotnet test "${projects[i]}" --no-build --filter "$filter" "$@" >"${logs[i]}" 2>&1 &
    pids[i]=$!
  done
  for i in "${!projects[@]}"; do
    wait "${pids[i]}" || status=1
    tee -a "$log" <"${logs[i]}"
    rm -f "${logs[i]}"
  done
}

# Tests of PostgreSQL itself (Store=PostgreSql) have nothing to check on SQLite and wait for the second pass.
run_pass "Store!=PostgreSql" "$@"

# The second pass: a private PostgreSQL on a free local port, C collation (byte order, as SQLite compares),
# no fsync (the server is thrown away afterwards). Each test class makes its own database on it. Tests of
# SQLite itself (its pragmas, its planner, its file after SIGKILL) carry the trait Store=Sqlite and are left out of
# this pass. The pool is kept small (20) so that a request holding a connection while it waits for another shows up
# here (RecordViewAuditTests opens 24 records at once).
port=55433
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U powregistry --auth=trust --locale=C --encoding=UTF8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null
echo "PostgreSQL pass: a private server on port $port"
export POWREGISTRY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=powregistry;Maximum Pool Size=20;Connection Idle Lifetime=5;Connection Pruning Interval=1"
run_pass "Store!=Sqlite" "$@"

# One closing line for whoever reads the end of the log: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

#!/usr/bin/env bash
# The import benchmark (issue 13): a 100,000-row CSV through the published app's validated import
# (`PowRegistry.Web import FILE --desk NAME`) against the raw-SQL seeder for as many records, in the same run.
# Target: import time ≤ 2 × seeder time. Prints a Markdown section on stdout (progress goes to stderr).
#
#   tests/PowRegistry.Benchmarks/import-benchmark.sh [--count N] [--work DIR] [--app DIR]
#
#   --count N   rows in the file and records seeded (default 100000)
#   --work DIR  scratch folder (default: a new folder under /tmp, removed at the end)
#   --app DIR   an already published app (PowRegistry.Web) to use instead of publishing one
#
# Run from the repository root. Uses fictional names only (tests/PowRegistry.Benchmarks/FictionalNames.cs).
set -euo pipefail

count=100000
work=""
app=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/../.."
keep_work=1
if [ -z "$work" ]; then work=$(mktemp -d /tmp/powregistry-import-bench.XXXXXX); keep_work=0; fi
mkdir -p "$work"
cleanup() { [ "$keep_work" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
log() { echo "$@" >&2; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# --- The benchmark program: the CSV and the seeder ---
log "== Building the benchmark program (Release)"
dotnet build tests/PowRegistry.Benchmarks -c Release -v quiet -nologo >/dev/null
bench() { dotnet tests/PowRegistry.Benchmarks/bin/Release/net10.0/PowRegistry.Benchmarks.dll "$@"; }

csv="$work/import.csv"
log "== Writing $count fictional rows"
bench --write-csv "$csv" --count "$count" >&2
csv_bytes=$(stat -c %s "$csv")

log "== Seeding $count records with raw SQL (fresh database)"
seed_db="$work/seeded.db"
began=$(date +%s%N)
bench --count "$count" --db "$seed_db" --seed-only >"$work/seed.log"
ended=$(date +%s%N)
seed_seconds=$(seconds "$began" "$ended")
# The program's own figure (seeding only, without its start and migration), when it prints one.
seed_own=$(sed -n 's/^seeded [0-9]* prisoners in \([0-9.]*\) s$/\1/p' "$work/seed.log" | tail -1)

# --- The app ---
if [ -z "$app" ]; then
  log "== Publishing the app (Release)"
  app="$work/app"
  # From clean intermediate files: after a self-contained (composite) publish, an incremental framework-dependent one
  # keeps the composite's rewritten assemblies without their image, and the app aborts at start.
  rm -rf src/PowRegistry.Web/obj/Release/net10.0/linux-x64 src/PowRegistry.Web/bin/Release/net10.0/linux-x64
  dotnet publish src/PowRegistry.Web -c Release -r linux-x64 --self-contained false -o "$app" -v quiet -nologo >/dev/null
fi
db="$work/import.db"
run_app() {
  ( cd "$app" && env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__PowRegistry="Data Source=$db" \
      PowRegistry__LogFolder="$work/logs" PowRegistry__Audit__KeyFile="$db.audit.key" \
      PowRegistry__BootstrapAdmin__Email="bench-import@example.org" PowRegistry__BootstrapAdmin__Password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')Aa1!" \
      Serilog__MinimumLevel__Default=Warning ./PowRegistry.Web "$@" )
}
log "== Migrating a fresh database for the import"
run_app verify-audit >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }

log "== Importing (the app's command line; progress below)"
began=$(date +%s%N)
run_app import "$csv" --desk "Main desk" >"$work/import.log" 2>&1 || { tail -20 "$work/import.log" >&2; echo "The import failed." >&2; exit 1; }
ended=$(date +%s%N)
import_seconds=$(seconds "$began" "$ended")
grep -E '^(checked|searched|saved) ' "$work/import.log" >&2 || true

# --- Checks ---
sql() { bench --scalar "$db" "$1"; }
rows=$(sql "SELECT COUNT(*) FROM Prisoners")
with_terms=$(sql "SELECT COUNT(DISTINCT PrisonerId) FROM PrisonerSearchTerms")
created_audit=$(sql "SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'Prisoner' AND Action = 'Create'")
notifications=$(sql "SELECT COUNT(DISTINCT PrisonerId) FROM Notifications")
distinct_refs=$(sql "SELECT COUNT(DISTINCT Reference) FROM Prisoners WHERE Reference LIKE 'POW-____-%'")
audit=$(run_app verify-audit 2>&1 | tail -1)
possible=$(grep -c 'may be the same man' "$work/import.log" || true)
ratio=$(awk -v i="$import_seconds" -v s="$seed_seconds" 'BEGIN { printf "%.2f", i / s }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 2.0 ? "met" : "NOT met") }')
ok() { [ "$1" = "$count" ] && echo "yes" || echo "**no** ($1)"; }

cat <<MD
### Import of $count rows (issue 13)

| | seconds |
|---|---|
| Raw-SQL seeder, $count records into a fresh database (program start to exit${seed_own:+; seeding alone $seed_own s}) | $seed_seconds |
| The app's CLI import of a $count-row CSV ($(( csv_bytes / 1024 / 1024 )) MB, every column) into a fresh migrated database, preview checks included | $import_seconds |
| **Ratio import / seeder** (target ≤ 2.0: **$verdict**) | **$ratio** |

Checks on the imported database: $rows records ($(ok "$rows") = $count); references distinct and well-formed: $(ok "$distinct_refs");
records with search terms: $(ok "$with_terms"); \`Create\` audit entries: $(ok "$created_audit"); records with notifications owed: $(ok "$notifications");
audit chain: $audit. Rows the preview listed as possible duplicates within the file (shown, not refused): $possible.
MD

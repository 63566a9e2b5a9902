#!/usr/bin/env bash
# The pages as users meet them, at a given register size (issue 13). One command:
#   tests/PowRegistry.Benchmarks/http-benchmark.sh [--count 1000000] [--db PATH] [--reuse] [--duration 10s] [--rounds 2]
#       [--self-contained]
# It seeds the database with the raw-SQL seeder (or reuses it), publishes the app (Release, ReadyToRun; with
# --self-contained, the framework and the app in one composite image, as docs/operations.md describes), starts it
# pinned to core 0, logs in through the login form as an administrator and as a desk officer, and runs wrk pinned to
# core 1 on every target in interleaved rounds. Each target's throughput is compared with the static file measured in
# the same round: the machines are shared and noisy, so ratios are what compare across runs. It fails (exit 1) when a
# request fails, a login fails, or a target answers anything but 200.
# See tests/PowRegistry.Benchmarks/README.md for how to read the table.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

count=1000000 db="" reuse="" duration=10s rounds=2 connections=16 port=5790 alone=20 self_contained=false
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --reuse) reuse=--reuse; shift ;;
    --duration) duration=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --alone) alone=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --self-contained) self_contained=true; shift ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
db=${db:-/tmp/powregistry-http-$count.db}

# --- Tools: wrk and curl from Debian when missing (root only), as tests/run.sh does for Chromium. ---
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v taskset >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]} from Debian..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "The benchmark needs ${need[*]}: run it as root once, or: sudo apt-get install ${need[*]}" >&2; exit 1
  fi
fi
# Two cores: the server on one, wrk on the other. With one core both share it (the figures then mean less).
server_cpu=0 client_cpu=1
[ "$(nproc)" -ge 2 ] || client_cpu=0

work=$(mktemp -d /tmp/powregistry-http.XXXXXX)
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  app_pid=""
}
trap 'stop_app; rm -rf "$work"' EXIT

# --- The database ---
echo "== Database: $count prisoners at $db"
dotnet run -c Release --project tests/PowRegistry.Benchmarks -- --count "$count" --db "$db" $reuse --seed-only | tee "$work/seed.log" | grep -E "seeded|Reusing|Migrated" || true
seed_seconds=$(grep -oE 'seeded [0-9]+ prisoners in [0-9.]+ s' "$work/seed.log" | grep -oE '[0-9.]+ s$' | tr -d ' s' || true)

# The benchmark's own accounts, kept beside the database so that --reuse can log in again. Generated here, never committed.
credentials="$db.accounts"
if [ ! -s "$credentials" ] || [ -z "$reuse" ]; then
  umask 077
  printf 'admin=bench-admin@example.org\nadmin_password=%s\nofficer=bench-officer@example.org\nofficer_password=%s\n' \
    "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" >"$credentials"
fi
# shellcheck disable=SC1090
. "$credentials"

# --- The application ---
publish_mode="framework-dependent, ReadyToRun"
[ "$self_contained" = false ] || publish_mode="self-contained, composite ReadyToRun"
echo "== Publishing (Release, $publish_mode)"
# From clean intermediate files: after a self-contained (composite) publish, an incremental framework-dependent one
# keeps the composite's rewritten assemblies without their image, and the app aborts at start.
rm -rf src/PowRegistry.Web/obj/Release/net10.0/linux-x64 src/PowRegistry.Web/bin/Release/net10.0/linux-x64
dotnet publish src/PowRegistry.Web -c Release -r linux-x64 --self-contained "$self_contained" -o "$work/app" -v quiet -nologo >/dev/null

base=http://127.0.0.1:$port
start_app() {
  ( cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
      ConnectionStrings__PowRegistry="Data Source=$db" \
      PowRegistry__LogFolder="$work/logs" PowRegistry__Audit__KeyFile="$db.audit.key" \
      PowRegistry__BootstrapAdmin__Email="$admin" PowRegistry__BootstrapAdmin__Password="$admin_password" \
      Serilog__MinimumLevel__Default=Warning \
      taskset -c "$server_cpu" ./PowRegistry.Web ) >>"$work/app.log" 2>&1 &
  app_pid=$!
}
# Starts the app and sets started_ms: milliseconds from launch to the first 200 of the login page. (No command
# substitution here: a subshell would lose app_pid, and the app would outlive the script.)
start_and_time() {
  local began; began=$(date +%s%N)
  start_app
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "$base/Account/Login"; then started_ms=$(( ($(date +%s%N) - began) / 1000000 )); return; fi
    kill -0 "$app_pid" 2>/dev/null || { echo "The app stopped while starting:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
    sleep 0.02
  done
  echo "The app did not answer within 60 s" >&2; exit 1
}
if curl -s -o /dev/null "$base/"; then echo "Something already listens on $base: stop it or pass --port" >&2; exit 1; fi
echo "== Starting the app on core $server_cpu"
start_and_time; first_start_ms=$started_ms   # may create the benchmark's administrator
stop_app
start_and_time; start_ms=$started_ms         # an ordinary restart on the existing database: the figure the issue sets

# --- Logging in through the form, as a browser does. The cookies are Secure (__Host-), so curl's jar would not send
# them over plain http to 127.0.0.1: they are read from Set-Cookie and sent as a Cookie header. ---
form_token() { grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' "$1" | head -1 | sed -E 's/.*value="([^"]+)"/\1/'; }
set_cookies() { grep -i '^set-cookie:' "$1" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]+).*/\1/' | tr '\r' ' ' | paste -sd';' - | sed 's/ //g'; }
login() { # email password -> prints the Cookie header value
  local page="$work/login.html" headers="$work/login.h" token antiforgery
  curl -fsS -D "$headers" -o "$page" "$base/Account/Login"
  token=$(form_token "$page"); antiforgery=$(set_cookies "$headers")
  curl -sS -D "$headers" -o /dev/null -H "Cookie: $antiforgery" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Form.Email=$1" --data-urlencode "Form.Password=$2" \
    "$base/Account/Login"
  if ! grep -qE '^HTTP/[0-9.]+ 302' "$headers" || ! grep -qi '^set-cookie: __Host-PowRegistry=' "$headers"; then
    echo "Login as $1 failed:" >&2; head -1 "$headers" >&2; exit 1
  fi
  grep -i '^set-cookie: __Host-PowRegistry=' "$headers" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]+).*/\1/' | tr -d '\r'
}
post_form() { # cookie page-url form-url field=value... : GETs the page for its token, then POSTs; prints the status
  local cookie=$1 page=$2 target=$3; shift 3
  local html="$work/form.html" headers="$work/form.h" args=()
  curl -fsS -D "$headers" -o "$html" -H "Cookie: $cookie" "$base$page"
  local antiforgery; antiforgery=$(set_cookies "$headers")
  for pair in "$@"; do args+=(--data-urlencode "$pair"); done
  curl -sS -o "$work/posted.html" -w '%{http_code}' -H "Cookie: $cookie${antiforgery:+;$antiforgery}" \
    --data-urlencode "__RequestVerificationToken=$(form_token "$html")" "${args[@]}" "$base$target"
}

echo "== Logging in"
admin_cookie=$(login "$admin" "$admin_password")
# The desk officer: created through /Admin/Users and put on desk B (the seeder's desk 2) through his user page.
if ! curl -fsS -H "Cookie: $admin_cookie" "$base/Admin/Users" | grep -q "$officer"; then
  status=$(post_form "$admin_cookie" /Admin/Users/Create /Admin/Users/Create \
    "Form.Email=$officer" "Form.DisplayName=Benchmark officer" "Form.Role=CaseOfficer" "Form.Password=$officer_password")
  [ "$status" = 302 ] || { echo "Creating the desk officer failed (HTTP $status)" >&2; exit 1; }
fi
officer_id=$(curl -fsS -H "Cookie: $admin_cookie" "$base/Admin/Users" | tr '\n' ' ' | grep -oE "$officer.{0,800}" | grep -oE '/Admin/Users/Edit/[0-9a-f-]+' | head -1 | cut -d/ -f5)
[ -n "$officer_id" ] || { echo "The desk officer is not listed on /Admin/Users" >&2; exit 1; }
status=$(post_form "$admin_cookie" "/Admin/Users/Edit/$officer_id" "/Admin/Users/Edit/$officer_id?handler=Desks" "deskIds=2")
[ "$status" = 302 ] || { echo "Putting the desk officer on desk B failed (HTTP $status)" >&2; exit 1; }
officer_cookie=$(login "$officer" "$officer_password")

# --- The targets: name | who | URL(s). Several URLs (space-separated) are visited in turn. ---
cursor() { printf '%s\037%s' "$1" "$2" | base64 -w0 | tr '+/' '-_' | tr -d '='; }  # RegisterCursor.Encode
middle=$(( count / 2 ))
next_link() { # the register page's "Next →" link, as a user would follow it
  curl -fsS -H "Cookie: $1" "$base$2" | grep -oE 'href="[^"]*[?&](amp;)?after=[^"]*"' | head -1 | sed -E 's/^href="(.*)"$/\1/; s/&amp;/\&/g'
}
q() { # q=<the words, percent-encoded byte by byte>
  local LC_ALL=C s=$1 out="" c h i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) printf -v h '%%%02X' "'$c"; out+=$h ;; esac
  done
  printf 'q=%s' "$out"
}
records=""
for i in 1 2 3 4 5 6 7 8; do records+="/Prisoners/$(( (count * i) / 9 + 1 )) "; done
kim_next=$(next_link "$admin_cookie" "/Prisoners?$(q kim)")
[ -n "$kim_next" ] || { echo "No next page for the search kim" >&2; exit 1; }

targets=(
  "static|Static file (/css/site.css)|anon|/css/site.css"
  "live|/health/live|anon|/health/live"
  "ready|/health/ready|anon|/health/ready"
  "list|Register, first page|admin|/Prisoners"
  "list|Register, middle page (after row $middle)|admin|/Prisoners?after=$(cursor "$middle" "x")"
  "list|Register, sorted by name|admin|/Prisoners?sort=Name"
  "list|Register, by date of capture, newest first|admin|/Prisoners?sort=DateOfCapture&desc=true"
  "list|Filter: in custody|admin|/Prisoners?status=1"
  "list|Filter: escaped, by name|admin|/Prisoners?status=3&sort=Name"
  "list|Filter: nationality RU|admin|/Prisoners?nationality=RU"
  "list|Filter: nationality RU, by date of capture|admin|/Prisoners?nationality=RU&sort=DateOfCapture"
  "list|Filter: wish to stay (none recorded by the seeder)|admin|/Prisoners?wish=2"
  "list|Desk B officer: his register|officer|/Prisoners"
  "list|Desk B officer: by name|officer|/Prisoners?sort=Name"
  "search|Search: one letter \"k\"|admin|/Prisoners?$(q k)"
  "search|Search: \"pow\"|admin|/Prisoners?$(q pow)"
  "search|Search: \"kim\"|admin|/Prisoners?$(q kim)"
  "search|Search: \"kim\", next page|admin|$kim_next"
  "search|Search: two words \"kim chol\"|admin|/Prisoners?$(q 'kim chol')"
  "search|Search: rare full name \"Thak Ho Yong\"|admin|/Prisoners?$(q 'Thak Ho Yong')"
  "search|Search: 이영철 (South Hangul)|admin|/Prisoners?$(q 이영철)"
  "search|Search: 리영철 (North Hangul)|admin|/Prisoners?$(q 리영철)"
  "search|Search: Ri Yong Chol|admin|/Prisoners?$(q 'Ri Yong Chol')"
  "search|Search: Lee Young-chul|admin|/Prisoners?$(q Lee\ Young-chul)"
  "search|Search: Ли Ён Чхоль|admin|/Prisoners?$(q 'Ли Ён Чхоль')"
  "search|Search: \"kim\" + escaped|admin|/Prisoners?$(q kim)&status=3"
  "search|Search: \"kim\", reference order|admin|/Prisoners?$(q kim)&sort=Reference"
  "search|Desk B officer: \"kim\"|officer|/Prisoners?$(q kim)"
  "search|Desk B officer: 이영철|officer|/Prisoners?$(q 이영철)"
  "review|Review (/Admin/Review)|admin|/Admin/Review"
  "record|Record page (/Prisoners/{id}, 8 records in turn)|admin|$records"
)

cookie_of() { case "$1" in admin) echo "$admin_cookie" ;; officer) echo "$officer_cookie" ;; *) echo "" ;; esac; }

# Every URL must answer 200 before it is measured: a benchmark of error pages or login redirects means nothing.
for target in "${targets[@]}"; do
  IFS='|' read -r _ name who urls <<<"$target"
  for url in $urls; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(cookie_of "$who")" "$base$url")
    [ "$code" = 200 ] || { echo "$name: $url answered HTTP $code, not 200" >&2; exit 1; }
  done
done

# One request alone: the median of N sequential requests (after 3 to warm up), in ms.
one_alone() { # cookie url
  for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: $1" "$base$2"; done
  for _ in $(seq 1 "$alone"); do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $1" "$base$2"; done \
    | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", 1000 * t[int((NR + 1) / 2)] }'
}

# wrk with a script that visits the URLs in turn, counts every answer that is not 200, and prints one parseable line.
cat >"$work/bench.lua" <<'LUA'
local paths, cookie, n = {}, os.getenv("BENCH_COOKIE") or "", 0
for p in string.gmatch(os.getenv("BENCH_URLS"), "%S+") do paths[#paths + 1] = p end
local threads = {}
function setup(thread) threads[#threads + 1] = thread end
function init() bad = 0 end
function request()
  n = n % #paths + 1
  local headers = {}
  if cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", paths[n], headers)
end
function response(status) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, t in ipairs(threads) do failed = failed + t:get("bad") end
  io.write(string.format("RESULT %.1f %.2f %d %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000, failed, summary.requests))
end
LUA

# A target that overran leaves the server working on requests whose clients have gone: wait until a static file
# answers quickly again, so that the next target is not charged with the last one's backlog.
drain() {
  for _ in $(seq 1 300); do
    t=$(curl -s -o /dev/null -w '%{time_total}' "$base/css/site.css" || echo 1)
    awk -v t="$t" 'BEGIN { exit !(t < 0.02) }' && return
    sleep 0.2
  done
}

declare -A rps p99 bad total solo
echo "== Measuring: ${#targets[@]} targets, $rounds rounds of $duration each, $connections connections"
for round in $(seq 1 "$rounds"); do
  for index in "${!targets[@]}"; do
    IFS='|' read -r _ name who urls <<<"${targets[$index]}"
    drain
    out=$(BENCH_URLS="$urls" BENCH_COOKIE="$(cookie_of "$who")" taskset -c "$client_cpu" \
      wrk -t1 -c"$connections" -d"$duration" --timeout 10s -s "$work/bench.lua" "$base")
    read -r _ r p f n <<<"$(grep '^RESULT' <<<"$out")"
    rps[$round,$index]=$r p99[$round,$index]=$p bad[$round,$index]=$f total[$round,$index]=$n
    printf '  round %s  %-50s %9s req/s  p99 %8s ms  not 200: %s\n' "$round" "$name" "$r" "$p" "$f"
  done
done
for index in "${!targets[@]}"; do
  IFS='|' read -r _ _ who urls <<<"${targets[$index]}"
  solo[$index]=$(one_alone "$(cookie_of "$who")" "${urls%% *}")
done
rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status")
stop_app

# --- The table. Ratio: the target's requests/s over the static file's in the same round (the lower of the rounds). ---
verdict() { # kind ratio p99 alone -> "met" or what was missed, against issue 13's targets
  awk -v k="$1" -v r="$2" -v p="$3" -v a="$4" 'BEGIN {
    if (k == "list")   { mr = 0.15; mp = 20;  ma = 3 }
    else if (k == "search") { mr = 0;    mp = 50;  ma = 10 }
    else if (k == "review") { mr = 0;    mp = 100; ma = 20 }
    else if (k == "record") { mr = 0.10; mp = 50;  ma = 1e9 }
    else { print "—"; exit }
    miss = ""
    if (r < mr) miss = miss sprintf("ratio < %.2f; ", mr)
    if (p > mp) miss = miss sprintf("p99 > %d ms; ", mp)
    if (a > ma) miss = miss sprintf("alone > %d ms; ", ma)
    print (miss == "" ? "met" : "missed: " substr(miss, 1, length(miss) - 2)) }'
}
failures=0
{
  echo "### HTTP benchmark: $count prisoners, $(date -u +%Y-%m-%d), commit $(git -C "$repo" rev-parse --short HEAD)"
  echo
  echo "Published $publish_mode. Server on core $server_cpu, \`wrk -t1 -c$connections -d$duration\` on core $client_cpu, $rounds interleaved rounds; one request alone is the median of $alone."
  echo
  echo "| Target | Requests/s (per round) | Ratio to static file | p99 ms (worst round) | One request alone ms | Not 200 | Issue 13 target |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for index in "${!targets[@]}"; do
    IFS='|' read -r kind name _ _ <<<"${targets[$index]}"
    per_round="" ratio="" worst=0 failed=0
    for round in $(seq 1 "$rounds"); do
      per_round+="${per_round:+ / }${rps[$round,$index]}"
      this=$(awk -v a="${rps[$round,$index]}" -v s="${rps[$round,0]}" 'BEGIN { printf "%.4f", (s > 0 ? a / s : 0) }')
      ratio=$(awk -v a="$this" -v b="${ratio:-9}" 'BEGIN { print (a < b ? a : b) }')
      [ "$worst" = "none finished" ] || worst=$(awk -v a="${p99[$round,$index]}" -v b="$worst" 'BEGIN { print (a > b ? a : b) }')
      failed=$(( failed + ${bad[$round,$index]} ))
      # No request finished within the round: as the issue's first table says, "none finished".
      [ "${total[$round,$index]:-0}" -gt 0 ] || worst="none finished"
    done
    failures=$(( failures + failed ))
    printf '| %s | %s | %.3f | %s | %s | %s | %s |\n' "$name" "$per_round" "$ratio" "$worst" "${solo[$index]}" "$failed" \
      "$(verdict "$kind" "$ratio" "${worst/none finished/1e9}" "${solo[$index]}")"
  done
  echo
  echo "- Start to the first served page (login page), restarting on the existing database: **$start_ms ms** (first start, which may create the benchmark's administrator: $first_start_ms ms). Target ≤ 1,500 ms."
  echo "- Resident memory of the server after the run: **$(( rss_kb / 1024 )) MB**. Target ≤ 300 MB."
  [ -n "$seed_seconds" ] && echo "- The raw-SQL seeder took $seed_seconds s for $count prisoners."
} >"$work/report.md"   # not a pipe: the counts above must outlive the block
cat "$work/report.md"

# --- The import, when its benchmark exists (tests/PowRegistry.Benchmarks/import-benchmark.sh). ---
if [ -x tests/PowRegistry.Benchmarks/import-benchmark.sh ]; then
  echo
  tests/PowRegistry.Benchmarks/import-benchmark.sh --count "$(( count < 100000 ? count : 100000 ))" --app "$work/app"
fi

if [ "$failures" -gt 0 ]; then echo "$failures requests did not answer 200: the figures above are not valid." >&2; exit 1; fi

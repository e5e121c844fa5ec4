#!/usr/bin/env bash
# Runs every benchmark and load scenario against a built tree (make bench)
# and writes the markdown tables to <build>/bench-results.md and into
# docs/PERFORMANCE.md, between <!-- bench:begin --> and <!-- bench:end -->.
# Takes about 10 minutes.
#
#   bench/run-all.sh [build-dir]
#
# Needs curl (make deps installs it). Uses loopback port 18080; each
# scenario gets a fresh host whose data directory is under /tmp, on the disk.
set -euo pipefail
SOURCE=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-build}" && pwd)
HOST="$BUILD/bin/billing-host"
DRIVER="$BUILD/bin/load-driver"
PLUGINS="$BUILD/lib/billing-host/plugins"
RESULTS="$BUILD/bench-results.md"
DOC="$SOURCE/docs/PERFORMANCE.md"
WORK=$(mktemp -d /tmp/billing-bench-XXXXXX)
PORT=18080
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

start_host() {  # start_host <data-dir> [args...]: starts in background, waits for health
  local data=$1; shift
  # Another server on the port would answer the health check for us.
  if curl -s "http://127.0.0.1:$PORT/" >/dev/null; then echo "port $PORT is already in use" >&2; exit 1; fi
  "$HOST" --data-dir "$data" --bind 127.0.0.1 --port $PORT --plugins-dir "${PLUGINS_DIR:-$PLUGINS}" --log-level warn "$@" \
    >"$data.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 2000); do
    curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && return 0
    sleep 0.01
  done
  echo "host did not start; log:" >&2; cat "$data.log" >&2; exit 1
}
stop_host() { kill -TERM "$HOST_PID"; wait "$HOST_PID" || true; }
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
sign_in() {  # prints an admin token, doing the first-login password change
  local first
  first=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
            -d '{"username":"admin","password":"ikbal"}' | json_field token)
  curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/password" -H "Authorization: Bearer $first" \
    -H 'Content-Type: application/json' \
    -d '{"current_password":"ikbal","new_password":"bench-password-1"}' | json_field token
}
drive() {  # drive <scenario> [args...]: the load driver against the running host
  "$DRIVER" --scenario "$@" --port $PORT ||
    echo "| **load-driver $1 failed** (see its error above) | | | | |"
}
rss() { awk '/VmRSS/ {printf "%.1f MB", $2/1024}' "/proc/$HOST_PID/status"; }
micro() {  # micro <executable>: Google Benchmark's table, without the preamble
  "$BUILD/bin/$1" --benchmark_min_time=1 2>/dev/null | grep -E '^(BM_|-|Benchmark)'
}

run_suite() {
echo "Run $(date -u +'%Y-%m-%d %H:%M UTC') by \`make bench\` (\`bench/run-all.sh\`)."
echo
echo "- Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Software: billing-host $("$HOST" --version | awk '{print $2}') ($(git -C "$SOURCE" rev-parse --short HEAD 2>/dev/null || echo 'no git')), $(c++ --version | head -1), Boost 1.81, SQLite $(sqlite3 --version | awk '{print $1}'), $(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release)"
echo "- Build: $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt"), flags \`$(sed -n 's/^CMAKE_CXX_FLAGS_RELWITHDEBINFO:STRING=//p' "$BUILD/CMakeCache.txt")\`"
echo "- Database on $(df -T "$WORK" | awk 'NR==2 {print $2}') under /tmp (a write is on the disk when the API answers); host, load driver and simulated clients on the **same cores**, over loopback. The machine is shared with other work: compare rows of one run only."
echo

# Start-up time to the first answered request, fresh data directory each run
# (which includes creating the database and the admin's argon2id hash).
times=()
for i in $(seq 1 10); do
  times+=("$("$BUILD/bin/startup_probe" "$HOST" $PORT --data-dir "$WORK/startup-$i" --bind 127.0.0.1 \
             --plugins-dir "$PLUGINS" --log-level warn)")
done
echo "| Measure | Value |"
echo "|---|---|"
echo "| Start-up to first answered request (median of 10, fresh data dir, product plugins) | $(printf '%s\n' "${times[@]}" | sort -n | sed -n '5p') ms |"
start_host "$WORK/idle"
sleep 3
echo "| Idle RSS, product plugins loaded | $(rss) |"
stop_host
echo

echo "#### Reads (load-driver reads)"
echo
echo "Closed loop: the highest throughput. Open loop: a fixed rate, each latency from the request's due time."
echo
echo "| Scenario | Answered/s | p50 | p99 | max |"
echo "|---|---|---|---|---|"
start_host "$WORK/reads"
token=$(sign_in)
drive reads --token "$token" --stations 100 --target /api/v1/stations --threads 2 --connections 32
drive reads --token "$token" --stations 0 --target /api/v1/stations --threads 2 --connections 32 --rate 4000
drive reads --token "$token" --stations 0 --target /api/v1/users --threads 2 --connections 32
drive reads --token "$token" --stations 0 --target /api/v1/plugins --threads 2 --connections 32
drive reads --token "$token" --stations 0 --target /api/v1/health --threads 2 --connections 32
stop_host
echo

echo "#### Session start/stop writes (load-driver sessions, 200 stations, a fresh host each run)"
echo
# What one synchronous write costs on this disk right now: every start and
# stop waits for (at least) one.
dsync=$(dd if=/dev/zero of="$WORK/dsync" bs=4k count=500 oflag=dsync 2>&1 | awk '/copied/ {printf "%.2f", $(NF-3) / 500 * 1000}')
echo "One 4 KiB write with O_DSYNC on this disk (dd, 500 of them): ${dsync} ms each."
echo
echo "| Scenario | Transactions/s | p50 | p99 | max |"
echo "|---|---|---|---|---|"
# With the product plugins (each session event also runs their handlers and
# their own writes), then the host alone (issue 3's figure for the core).
mkdir -p "$WORK/no-plugins"
for run in 1 2 3 4 5 6; do
  plugins="product plugins" && PLUGINS_DIR=""
  [ $run -gt 3 ] && plugins="no plugins" && PLUGINS_DIR="$WORK/no-plugins"
  start_host "$WORK/sessions-$run"
  drive sessions --token "$(sign_in)" --stations 200 --threads 2 --connections 8 | sed "s/^| sessions: /| sessions, $plugins: /"
  stop_host
done
PLUGINS_DIR=""
start_host "$WORK/sessions-open"
drive sessions --token "$(sign_in)" --stations 200 --threads 2 --connections 8 --rate 500
stop_host
echo

echo "#### Event fan-out over SSE (load-driver sse)"
echo
echo "| Measure | Value |"
echo "|---|---|"
start_host "$WORK/sse"
drive sse --token "$(sign_in)" --dashboards 100 --stations 16 --threads 1 --connections 8 --rate 200
stop_host
echo

echo "#### Timer accuracy (timer_accuracy, 1,000 concurrent 1-minute sessions)"
echo
echo "| Measure | Value |"
echo "|---|---|"
start_host "$WORK/timers"
"$BUILD/bin/timer_accuracy" --port $PORT --token "$(sign_in)" --sessions 1000 --threads 4 ||
  echo "| **check failed** (see the rows above) | |"
echo "| Host RSS after they all ended (1,000 stations, 1,000 ended sessions) | $(rss) |"
stop_host
echo

# The host raises its open-files soft limit to the hard one itself; the
# shell does the same for the driver's TVs.
ulimit -n "$(ulimit -Hn)"
echo "#### TV connections (load-driver idle-tvs and unlock; open files limit $(ulimit -n))"
echo
echo "| Measure | Value |"
echo "|---|---|"
for tvs in 1000 10000; do
  start_host "$WORK/tv-idle-$tvs"
  drive idle-tvs --tvs $tvs --idle-seconds 30 --host-pid "$HOST_PID"
  stop_host
done
start_host "$WORK/tv-unlock"
drive unlock --token "$(sign_in)" --tvs 1000 --unlocks 1000 --rate 50
stop_host
echo

echo "#### Micro-benchmarks (Google Benchmark)"
echo
echo '```'
for bench in bench_bus bench_json bench_timers bench_passwords; do micro $bench; done
echo '```'
}

run_suite | tee "$RESULTS"

# The latest table replaces the previous one in docs/PERFORMANCE.md.
awk -v results="$RESULTS" '
  /<!-- bench:begin -->/ { print; while ((getline line < results) > 0) print line; skipping = 1; next }
  /<!-- bench:end -->/ { skipping = 0 }
  !skipping { print }' "$DOC" >"$WORK/PERFORMANCE.md"
grep -q '<!-- bench:end -->' "$WORK/PERFORMANCE.md" || { echo "no bench markers in $DOC" >&2; exit 1; }
cp "$WORK/PERFORMANCE.md" "$DOC"
echo "written: $RESULTS and $DOC" >&2

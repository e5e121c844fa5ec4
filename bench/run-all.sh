#!/usr/bin/env bash
# Runs the benchmarks against a built tree and prints the markdown table kept
# in docs/PERFORMANCE.md (also written to <build>/bench-results.md).
#
#   bench/run-all.sh [build-dir]
#
# Needs wrk and curl (make deps installs them). Uses loopback port 18080+.
set -euo pipefail
BUILD=$(cd "${1:-build}" && pwd)
HOST="$BUILD/bin/billing-host"
PLUGINS="$BUILD/tests/fixture-plugins"
WORK=$(mktemp -d /tmp/billing-bench-XXXXXX)
PORT=18080
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

start_host() {  # start_host <data-dir> [args...]: starts in background, waits for health
  local data=$1; shift
  # Another server on the port would answer the health check for us.
  if curl -s "http://127.0.0.1:$PORT/" >/dev/null; then echo "port $PORT is already in use" >&2; exit 1; fi
  "$HOST" --data-dir "$data" --bind 127.0.0.1 --port $PORT --log-level warn "$@" >"$data.log" 2>&1 &
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
wrk_line() {  # wrk_line <label> <wrk args...>: "| label | req/s | p50 | p99 |"
  local label=$1; shift
  local out; out=$(wrk -t2 -c64 -d10s --latency "$@")
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "| $label | $rps | $p50 | $p99 |"
}

echo "## Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "Host: billing-host $("$HOST" --version | awk '{print $2}'), $(c++ --version | head -1), Boost 1.81, SQLite $(sqlite3 --version | awk '{print $1}')"
echo

# Start-up time to the first answered request, fresh data directory each run
# (the first run also creates the database and the admin's argon2id hash).
times=()
for i in $(seq 1 10); do
  times+=("$("$BUILD/bin/startup_probe" "$HOST" $PORT --data-dir "$WORK/startup-$i" --bind 127.0.0.1 \
             --plugins-dir "$PLUGINS" --log-level warn)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n '5p')
echo "| Measure | Value |"
echo "|---|---|"
echo "| Start-up to first answered request (median of 10, fixture plugins loaded) | ${median} ms |"

# Idle memory with every plugin loaded, after the start-up work settles.
start_host "$WORK/idle" --plugins-dir "$PLUGINS"
sleep 3
echo "| Idle RSS, fixture plugins loaded | $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$HOST_PID/status) |"
stop_host
echo

# Throughput and latency over loopback with wrk (2 threads, 64 connections,
# 10 s), host on its default 2 network + 2 worker threads.
start_host "$WORK/http" --plugins-dir "$PLUGINS"
token=$(sign_in)
echo "| Endpoint | Requests/s | p50 | p99 |"
echo "|---|---|---|---|"
wrk_line "GET /api/v1/health" "http://127.0.0.1:$PORT/api/v1/health"
wrk_line "GET /api/v1/users (authenticated JSON list)" -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$PORT/api/v1/users"
wrk_line "GET /api/v1/plugins (authenticated, 7 plugins, 3 KB)" -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$PORT/api/v1/plugins"
stop_host
echo

# Event bus micro-benchmarks (Google Benchmark).
echo '```'
"$BUILD/bin/bench_bus" --benchmark_min_time=1 2>/dev/null | grep -E '^(BM_|-|Benchmark)'
echo '```'
echo

# Rental core. The database is on the disk under $WORK: its fsyncs are most
# of a write's cost, so the filesystem is printed with the figures.
echo "### Rental core (database on $(df -T "$WORK" | awk 'NR==2 {print $2}'), host and drivers on the same cores)"
echo
json_number() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
api_post() {  # api_post <path under /api/v1> <json>: prints the answer, fails on an error status
  curl -sS --fail-with-body -X POST "http://127.0.0.1:$PORT/api/v1/$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$2"
}

# Session start/stop transactions per second: a fresh host per client
# count, 200 stations shared out among the client threads (one keep-alive
# connection each), 1 s warm-up then 10 s measured.
echo "| Session start + stop through the API | Transactions/s | start p50 | start p99 | stop p50 | stop p99 |"
echo "|---|---|---|---|---|---|"
for threads in 2 8 16; do
  start_host "$WORK/load-$threads"
  "$BUILD/bin/session_load" --port $PORT --token "$(sign_in)" --stations 200 --threads $threads --seconds 10
  stop_host
done
echo

# Timer accuracy: 1,000 sessions of a 1-minute package started at once and
# every session.ended collected over SSE; default settings (ending-soon
# warnings at 5 and 1 minutes). Then the host's memory, with 1,000 stations
# and their 1,000 ended sessions behind it.
start_host "$WORK/timers"
echo "| Timer accuracy, 1,000 concurrent 1-minute sessions | Value |"
echo "|---|---|"
"$BUILD/bin/timer_accuracy" --port $PORT --token "$(sign_in)" --sessions 1000 --threads 4 ||
  echo "| **check failed** (see the rows above) | |"
echo "| Host RSS after they all ended | $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$HOST_PID/status) |"
stop_host
echo

# The station board with 100 stations, each with a live 60-minute session.
start_host "$WORK/board"
token=$(sign_in)
package=$(api_post packages '{"name":"Bench 60 min","console_type":"any","kind":"fixed","duration_minutes":60,"price":10000}' |
            json_number id)
for i in $(seq -w 1 100); do
  station=$(api_post stations "{\"code\":\"B$i\",\"console_type\":\"PS4\"}" | json_number id)
  api_post sessions "{\"station_id\":$station,\"package_id\":$package}" >/dev/null
done
size=$(curl -s -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/stations")
echo "| Endpoint | Requests/s | p50 | p99 |"
echo "|---|---|---|---|"
wrk_line "GET /api/v1/stations (100 stations, all live, $((size / 1024)) KB)" -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$PORT/api/v1/stations"
stop_host
echo

# The TV: simulated TVs (tools/tv-sim) on the tv-websocket plugin, each run
# on a fresh host with the build's product plugins. Memory per TV is the
# host's RSS with the TVs connected (pairing screen shown) minus before,
# over the TV count; unlock latency runs from just before POST /sessions to
# the TV's state with mode "active", one session at a time, with 1,000
# paired TVs connected. The host raises its open-files soft limit to the
# hard one itself; the shell does the same here for tv-sim's sake.
ulimit -n "$(ulimit -Hn)"
echo "### TV connections (tv-websocket plugin, tools/tv-sim; host and simulator on the same cores, open files limit $(ulimit -n))"
echo
echo "| Measure | Value |"
echo "|---|---|"
for tvs in 1000 10000; do
  start_host "$WORK/tv-idle-$tvs"
  "$BUILD/bin/tv-sim" --port $PORT --tvs $tvs --idle-seconds 30 --host-pid $HOST_PID ||
    echo "| **tv-sim failed with $tvs TVs** (see above) | |"
  stop_host
done
start_host "$WORK/tv-unlock"
"$BUILD/bin/tv-sim" --port $PORT --token "$(sign_in)" --tvs 1000 --pair --unlock-latency 1000 ||
  echo "| **tv-sim unlock latency failed** (see above) | |"
stop_host

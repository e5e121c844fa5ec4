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
token=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
          -d '{"username":"admin","password":"ikbal"}' | json_field token)
token=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/password" -H "Authorization: Bearer $token" \
          -H 'Content-Type: application/json' \
          -d '{"current_password":"ikbal","new_password":"bench-password-1"}' | json_field token)
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

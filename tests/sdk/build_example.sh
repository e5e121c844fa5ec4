#!/bin/sh
# Builds examples/hello-plugin exactly as a plugin author would: against the
# SDK installed from this build (cmake --install --component sdk) into a
# temporary prefix, never against the source tree. Then runs the real host
# with the example as its only plugin and checks, over HTTP with curl, that
# the plugin is listed as running and that its route answers.
#
# usage: build_example.sh <host build dir> <example source dir> <billing-host> <cmake> <c++ compiler>
# Exit code 77 (skipped) when curl is not installed.
set -eu

build_dir=$1
example_dir=$2
host=$3
cmake=$4
compiler=$5

if ! command -v curl >/dev/null 2>&1; then
  echo "curl is not installed: skipping the HTTP part of the SDK example test" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/billing-sdk-example-XXXXXX")
host_pid=
cleanup() {
  if [ -n "$host_pid" ]; then
    kill -TERM "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

fail() {
  echo "FAIL: $*" >&2
  if [ -f "$work/host.log" ]; then
    echo "--- host log ---" >&2
    tail -n 40 "$work/host.log" >&2
  fi
  exit 1
}

echo "== installing the SDK into $work/sdk"
"$cmake" --install "$build_dir" --component sdk --prefix "$work/sdk"

echo "== configuring and building the example against it"
"$cmake" -S "$example_dir" -B "$work/build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/sdk" -DCMAKE_CXX_COMPILER="$compiler"
"$cmake" --build "$work/build"

plugin_dir="$work/build/plugins/hello"
[ -f "$plugin_dir/hello.so" ] || fail "$plugin_dir/hello.so was not built"
[ -f "$plugin_dir/plugin.json" ] || fail "$plugin_dir/plugin.json was not copied beside the library"

echo "== starting the host with the example plugin"
"$host" --data-dir "$work/data" --bind 127.0.0.1 --port 0 --plugins-dir "$work/build/plugins" \
  --log-level info >"$work/host.log" 2>&1 &
host_pid=$!
port=
tries=0
while [ -z "$port" ]; do
  tries=$((tries + 1))
  [ "$tries" -le 300 ] || fail "the host did not start listening"
  kill -0 "$host_pid" 2>/dev/null || fail "the host exited"
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/host.log" | head -n 1)
  [ -n "$port" ] || sleep 0.1
done
base="http://127.0.0.1:$port/api/v1"

login=$(curl -sS -f -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"ikbal"}' "$base/auth/login") || fail "login failed"
token=$(printf '%s' "$login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no token in the login answer: $login"

plugins=$(curl -sS -f -H "Authorization: Bearer $token" "$base/plugins") || fail "GET /plugins failed"
echo "$plugins"
printf '%s' "$plugins" | grep -q '"id":"hello"' || fail "hello is not listed"
printf '%s' "$plugins" | grep -q '"state":"running"' || fail "hello is not running"

greeting=$(curl -sS -f -H "Authorization: Bearer $token" "$base/plugins/hello/greeting?name=Budi") ||
  fail "GET /plugins/hello/greeting failed"
echo "$greeting"
printf '%s' "$greeting" | grep -q '"message":"Halo, Budi!"' || fail "unexpected greeting: $greeting"

echo "PASS: the example builds against the installed SDK and runs in the host"

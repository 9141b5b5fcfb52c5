#!/usr/bin/env bash
# The Python client against a real `gazet serve`: a throwaway virtualenv with the pinned
# grpcio and grpcio-tools, code generated from proto/gazet/v1/gazet.proto, a server on a
# free port, then test_client.py. Usage: examples/python/run_test.sh
# GAZET=path/to/gazet uses that binary (default: target/debug/gazet, built or brought up to date).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [[ -n ${GAZET:-} ]]; then
    gazet=$GAZET
else
    (cd "$root" && cargo build --quiet --bin gazet)
    gazet=${CARGO_TARGET_DIR:-$root/target}/debug/gazet
fi

work=$(mktemp -d)
server=""
cleanup() {
    if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
mkdir -p "$work/gen"
"$work/venv/bin/python" -m grpc_tools.protoc -I "$root/proto" \
    --python_out="$work/gen" --grpc_python_out="$work/gen" "$root/proto/gazet/v1/gazet.proto"

"$gazet" serve --addr 127.0.0.1:0 >"$work/stdout" 2>"$work/server.log" &
server=$!
addr=""
for _ in $(seq 1 300); do
    addr=$(sed -n 's/^gazet: listening on //p' "$work/stdout")
    [[ -n $addr ]] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; echo "gazet serve died" >&2; exit 1; }
    sleep 0.1
done
[[ -n $addr ]] || { echo "gazet serve did not start" >&2; exit 1; }

PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$work/gen:$here" "$work/venv/bin/python" "$here/test_client.py" "$addr"

kill -TERM "$server"
status=0
wait "$server" || status=$?
server=""
if [[ $status -ne 0 ]]; then
    cat "$work/server.log" >&2
    echo "gazet serve exited with $status after SIGTERM" >&2
    exit 1
fi
echo "examples/python/run_test.sh: ok"

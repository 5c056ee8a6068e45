#!/usr/bin/env bash
# Client library check: test/clients/psycopg_check.py through psycopg 3
# (Debian's python3-psycopg), prepared statements and binary parameters over
# the wire protocol.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import psycopg' 2>/dev/null; then
    echo "python3-psycopg is not installed (tools/test.sh installs it as root)"
    exit 1
fi
exec "$PY" "$ROOT/test/clients/psycopg_check.py" "${SKPI_CHECK_COUNTS:-}"

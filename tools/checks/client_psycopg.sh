#!/usr/bin/env bash
# Client library check: test/clients/psycopg_check.py through psycopg 3
# (Debian's python3-psycopg), prepared statements and binary parameters over
# the wire protocol.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
PY=$(skpi_psycopg_python) || exit 1
exec "$PY" "$ROOT/test/clients/psycopg_check.py"

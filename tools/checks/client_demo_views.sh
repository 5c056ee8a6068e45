#!/usr/bin/env bash
# BI check of the cookbook's report views: tools/demo.sh --inner loads the
# demo data and creates the views in database skpi_demo_bi, then
# test/clients/demo_views_check.py reads them through psycopg 3 (prepared
# statements, binary and text results, column types).  Ends with the
# script's "demo views: N passed, M failed".
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
PY=$(skpi_psycopg_python) || exit 1
DB=skpi_demo_bi
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
SKPI_DEMO_DB=$DB bash "$ROOT/tools/demo.sh" --inner > "${SKPI_LOGDIR:-/tmp}/demo_views.log" 2>&1 || {
    cat "${SKPI_LOGDIR:-/tmp}/demo_views.log"
    exit 1
}
rc=0
"$PY" "$ROOT/test/clients/demo_views_check.py" "$DB" || rc=$?
skpi_drop_marked_db "$DB" "$SKPI_DEMO_MARK" >/dev/null 2>&1 || true
exit "$rc"

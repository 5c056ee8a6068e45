#!/usr/bin/env bash
# make demo on an existing server (SKPI_CLUSTER=existing) is safe: it refuses
# to drop a database it did not create (SKPI_DEMO_REPLACE=1 is the explicit
# opt-in, tested too), and as root without PGUSER it says what to set instead of failing
# on role "root".  Ends with "demo safety: N passed, M failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PSQL=${PSQL:-psql}
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
DB=skpi_demo_safety_probe
skpi_scratch_db "$DB" || { echo "demo safety: 0 passed, 1 failed"; exit 1; }
"$PSQL" -X -q -d "$DB" -c "CREATE TABLE precious AS SELECT 42 AS answer" >/dev/null 2>&1
out=$(SKPI_DEMO_DB=$DB bash "$ROOT/tools/demo.sh" --inner 2>&1); rc=$?
[ "$rc" != 0 ] && [[ $out == *"exists and was not created by make demo"* ]]
skpi_check $? "an existing database the demo did not create is refused (exit $rc)"
[ "$("$PSQL" -X -At -d "$DB" -c "SELECT answer FROM precious" 2>/dev/null)" = 42 ]
skpi_check $? "and left alone: its table is still there"
# the explicit opt-in drops it and builds the demo in its place, marked as the demo's
out=$(SKPI_DEMO_REPLACE=1 SKPI_DEMO_DB=$DB bash "$ROOT/tools/demo.sh" --inner 2>&1); rc=$?
[ "$rc" = 0 ] && [ "$(skpi_db_mark "$DB")" = "x$SKPI_DEMO_MARK" ] &&
    ! "$PSQL" -X -At -d "$DB" -c "SELECT 1 FROM precious" >/dev/null 2>&1
skpi_check $? "SKPI_DEMO_REPLACE=1 drops it and leaves the demo, marked, in its place (exit $rc)"
if [ "$(id -u)" = 0 ]; then
    out=$(env -u PGUSER SKPI_CLUSTER=existing SKPI_SKIP_DEPS=1 bash "$ROOT/tools/demo.sh" 2>&1); rc=$?
    [ "$rc" != 0 ] && [[ $out == *"needs PGUSER"* ]]
    skpi_check $? "as root without PGUSER: a message naming PGUSER (exit $rc)"
fi
skpi_drop_marked_db "$DB" "$SKPI_TEST_MARK"
skpi_drop_marked_db "$DB" "$SKPI_DEMO_MARK"
skpi_check_summary "demo safety"

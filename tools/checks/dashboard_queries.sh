#!/usr/bin/env bash
# The dashboard's queries (examples/dashboard/queries/*.sql, what its data
# loader runs at `make dashboard`) against a demo database, without npm or a
# browser: tools/demo.sh --inner builds it in skpi_demo_dash.  Each query is
# made a temporary view, and three tests are run on it:
#   - it returns rows;
#   - its columns, names and types, are those of its "-- columns:" header
#     (name type, comma-separated; the types as format_type() spells them);
#   - it reads the bi views only: every relation the view depends on is in
#     schema bi (no raw table the views do not offer).
# SKPI_DASHBOARD_DB=NAME runs them against an existing database that has the
# bi views instead (not built, not dropped).  Ends with "dashboard queries:
# N passed, M failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PSQL=${PSQL:-psql}
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
DB=${SKPI_DASHBOARD_DB:-}
if [ -z "$DB" ]; then
    DB=skpi_demo_dash
    # dropped only if tools/demo.sh made it (it refuses a database it did not create)
    trap 'PSQL=$PSQL skpi_drop_marked_db "$DB" "$SKPI_DEMO_MARK" >/dev/null 2>&1 || true' EXIT
    LOGDIR=${SKPI_LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/skpi-dash-queries.XXXXXX")}
    SKPI_DEMO_DB=$DB bash "$ROOT/tools/demo.sh" --inner >"$LOGDIR/dashboard_demo.log" 2>&1 || {
        tail -n 30 "$LOGDIR/dashboard_demo.log"
        echo "dashboard queries: 0 passed, 1 failed"
        exit 1
    }
fi
n=0
shopt -s nullglob
for f in "$ROOT"/examples/dashboard/queries/*.sql; do
    name=$(basename "$f" .sql)
    n=$((n + 1))
    # "name type" per column, from the header
    expected=$(sed -n 's/^-- columns://p' "$f" | tr ',' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$')
    # the query without a final semicolon, made a view
    body=$(perl -0pe 's/;\s*\z//' "$f")
    if ! out=$("$PSQL" -X -At -F ' ' -v ON_ERROR_STOP=1 -d "$DB" 2>&1 <<SQL
CREATE TEMP VIEW dashboard_query AS
$body;
SELECT 'rows ' || count(*) FROM dashboard_query;
SELECT 'col ' || attname || ' ' || format_type(atttypid, atttypmod)
FROM pg_attribute WHERE attrelid = 'dashboard_query'::regclass AND attnum > 0 ORDER BY attnum;
SELECT DISTINCT 'dep ' || n.nspname || '.' || c.relname
FROM pg_rewrite r JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
     JOIN pg_class c ON d.refclassid = 'pg_class'::regclass AND c.oid = d.refobjid
     JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.ev_class = 'dashboard_query'::regclass AND c.oid <> 'dashboard_query'::regclass;
-- functions outside pg_catalog could read other tables (query_to_xml reads text, not a dependency)
SELECT DISTINCT 'dep ' || n.nspname || '.' || p.proname || '()'
FROM pg_rewrite r JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
     JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
     JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE r.ev_class = 'dashboard_query'::regclass AND n.nspname <> 'pg_catalog';
SELECT 'dep pg_catalog.' || p.proname || '()' FROM pg_rewrite r
     JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
     JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
WHERE r.ev_class = 'dashboard_query'::regclass AND p.proname ~ '^(query_to|table_to|cursor_to|pg_read|dblink|lo_)';
SQL
    ); then
        skpi_check 1 "$name: runs" "$out"
        continue
    fi
    rows=$(sed -n 's/^rows //p' <<<"$out")
    [ "${rows:-0}" -gt 0 ]
    skpi_check $? "$name: returns rows ($rows)"
    got=$(sed -n 's/^col //p' <<<"$out")
    [ -n "$expected" ] && [ "$got" = "$expected" ]
    skpi_check $? "$name: $(wc -l <<<"$got") columns of the types its header gives" \
        "$(diff <(echo "$expected") <(echo "$got") | grep '^[<>]' | sed 's/^</header:/; s/^>/query: /')"
    deps=$(sed -n 's/^dep //p' <<<"$out")
    others=$(grep -v '^bi\.' <<<"$deps")
    [ -n "$deps" ] && [ -z "$others" ]
    skpi_check $? "$name: reads the bi views only (${deps//$'\n'/ })" "${others:+other relations: $others}"
done
[ "$n" -gt 0 ]
skpi_check $? "examples/dashboard/queries has queries ($n)"
skpi_check_summary "dashboard queries"

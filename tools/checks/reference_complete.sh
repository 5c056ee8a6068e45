#!/usr/bin/env bash
# Every function, aggregate and type of the extension is named in
# docs/reference.md (one test per object kind; the missing names are listed).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PSQL=${PSQL:-psql}
DB=skpi_refcheck
q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
trap 'q -d postgres -c "DROP DATABASE IF EXISTS $DB" || true' EXIT
q -d "$DB" -c "SET client_min_messages = warning" -c "CREATE EXTENSION support_kpi"
passed=0
failed=0
for kind in function aggregate type; do
    case $kind in
        function)  sql="SELECT DISTINCT p.proname FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid WHERE p.prokind <> 'a'" ;;
        aggregate) sql="SELECT DISTINCT p.proname FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid WHERE p.prokind = 'a'" ;;
        type)      sql="SELECT DISTINCT t.typname FROM pg_type t JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid WHERE NOT EXISTS (SELECT FROM pg_type el WHERE el.typarray = t.oid)" ;;
    esac
    names=$(q -d "$DB" -c "$sql AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
        AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi') ORDER BY 1")
    total=0
    missing=()
    for n in $names; do
        total=$((total + 1))
        grep -qw -- "$n" "$ROOT/docs/reference.md" || missing+=("$n")
    done
    if [ "$total" -gt 0 ] && [ "${#missing[@]}" -eq 0 ]; then
        echo "ok - all $total ${kind} names appear in docs/reference.md"
        passed=$((passed + 1))
    else
        echo "not ok - ${kind}s missing from docs/reference.md (of $total): ${missing[*]:-none found at all}"
        failed=$((failed + 1))
    fi
done
echo "reference_complete: $passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# tools/checks/dump_restore.sh -- no data lost: every stored value of every
# type the extension owns survives pg_dump / restore and binary COPY.
#
#   1. database skpi_dr_src: the extension in public, tables in ops and public
#      filled by tools/checks/fixture_states.sql (real aggregates over varied
#      data: NULL and empty states, expanded duration_values and timeline
#      states, calendars, arrays of states, enums, contact_event rows, a
#      materialized view of rolled-up states); fails if a type of the
#      extension (from pg_depend) has no column in the fixture;
#   2. pg_dump plain -> psql into skpi_dr_plain; pg_dump -Fc -> pg_restore
#      into skpi_dr_custom;
#   3. binary COPY round trip: every table of the custom restore copied out
#      with COPY ... TO 'file' (FORMAT binary), truncated and copied back,
#      then the same through the client (\copy, COPY ... TO STDOUT);
#      the materialized view copied out in binary into a table; the states
#      table copied in binary into the plain restore (another database);
#   4. skpi_dr_kpi: the extension installed in schema kpi (not on the
#      search_path), the same fixture, dumped plain and custom and restored.
# Each copy is compared with its source by tools/checks/fingerprint.sql (text
# form, send bytes and every accessor, per row); one test per relation,
# column and kind (text, send, accessors) and per copy.
#
# Environment (tools/suites.sh): PGHOST/PGPORT/PGUSER of a superuser, PSQL,
# PG_BINDIR, SKPI_LOGDIR.  Ends with "dump_restore: N passed, M failed";
# exit status 0 only if nothing failed.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PSQL=${PSQL:-psql}
PG_BINDIR=${PG_BINDIR:-$(dirname "$(command -v "$PSQL")")}
LOGDIR=${SKPI_LOGDIR:-/tmp}
WORK=$(mktemp -d "$LOGDIR/dump_restore.XXXXXX")
DBS=(skpi_dr_src skpi_dr_plain skpi_dr_custom skpi_dr_kpi skpi_dr_kpi_plain skpi_dr_kpi_custom)
PASS=0
FAIL=0

ok() { PASS=$((PASS + 1)); }
not_ok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }
check() { if [ "$1" = 0 ]; then ok; echo "ok - $2"; else not_ok "$2"; fi; }

q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -v ON_ERROR_STOP=1 "$@"; }

finish() {
    for db in "${DBS[@]}"; do
        q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
    done
    echo "dump_restore: $PASS passed, $FAIL failed (work files in $WORK)"
    [ "$FAIL" = 0 ] && rm -rf "$WORK"
    [ "$FAIL" = 0 ]
    exit
}
# an infrastructure step failed: count it and stop
abort() { not_ok "$*"; finish; }
trap 'abort "interrupted"' INT TERM

for db in "${DBS[@]}"; do
    q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || abort "drop $db"
done

# fingerprint DB OUT: every value of the extension's types in DB, sorted
fingerprint() {
    q -At -d "$1" -f "$HERE/fingerprint.sql" > "$2.sql" || return 1
    q -At -d "$1" -f "$2.sql" | LC_ALL=C sort > "$2" || return 1
    [ -s "$2" ]
}

# compare SRC_FP DST_FP LABEL: one test per relation, column and kind
compare() {
    local out
    out=$(LC_ALL=C awk -F'\t' -v label="$3" '
        FNR == 1 { file++ }
        {
            key = $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5
            group = $1 "." $2 " " $3
            groups[group] = 1
            if (file == 1) { src[key] = $6; sgroup[key] = group }
            else { dst[key] = $6; if (!(key in src)) { bad[group]++; ex[group] = "extra " key } }
            n[file]++
        }
        END {
            for (k in src) {
                if (!(k in dst)) { bad[sgroup[k]]++; ex[sgroup[k]] = "missing " k }
                else if (src[k] != dst[k]) { bad[sgroup[k]]++; ex[sgroup[k]] = "differs " k ": " src[k] " vs " dst[k] }
            }
            for (g in groups) {
                if (g in bad) printf "FAIL %s: %s: %d values differ, e.g. %s\n", label, g, bad[g], ex[g]
                else printf "PASS %s: %s\n", label, g
            }
            printf "VALUES %d\n", n[1]
        }' "$1" "$2")
    local p f v
    p=$(grep -c '^PASS' <<<"$out")
    f=$(grep -c '^FAIL' <<<"$out")
    v=$(sed -n 's/^VALUES //p' <<<"$out")
    PASS=$((PASS + p))
    FAIL=$((FAIL + f))
    grep '^FAIL' <<<"$out" | head -n 20
    echo "== $3: $p comparisons identical ($v values compared), $f differ"
}

# --- 1. the source database ------------------------------------------------
q -d postgres -c "CREATE DATABASE skpi_dr_src" || abort "create skpi_dr_src"
q -d skpi_dr_src -c "CREATE EXTENSION support_kpi" || abort "CREATE EXTENSION support_kpi"
q -d skpi_dr_src -f "$HERE/fixture_states.sql" >/dev/null || abort "fixture (skpi_dr_src)"

# every type of the extension has a column in the fixture
missing=$(q -At -d skpi_dr_src -c "
    SELECT string_agg(format_type(d.objid, NULL), ', ')
    FROM pg_depend d
    WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
      AND d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_type'::regclass AND d.deptype = 'e'
      -- not the array types (extension members themselves on PostgreSQL 17+)
      AND NOT EXISTS (SELECT FROM pg_type el WHERE el.typarray = d.objid)
      AND NOT EXISTS (SELECT FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                      JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE c.relkind IN ('r', 'm') AND n.nspname IN ('ops', 'public')
                        AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = d.objid)") \
    || abort "type coverage query"
if [ -z "$missing" ]; then
    ok; echo "ok - every type of the extension has a column with sample data in the fixture"
else
    not_ok "types of the extension with no column in tools/checks/fixture_states.sql: $missing"
fi
# and every such column holds values (not only NULLs)
empty=$(q -At -d skpi_dr_src -f "$HERE/fingerprint.sql" | grep "'text'" |
    sed -E "s/^COPY \(SELECT '([^']*)', '([^']*)'.*/\1 \2/" | while read -r rel col; do
        n=$(q -At -d skpi_dr_src -c "SELECT count($col) FROM $rel") || n=0
        [ "$n" -gt 0 ] || echo "$rel.$col"
    done)
check "$([ -z "$empty" ] && echo 0 || echo 1)" "every column of the extension's types holds values${empty:+ (empty: $empty)}"

fingerprint skpi_dr_src "$WORK/src.fp" || abort "fingerprint of skpi_dr_src"

# --- 2. plain and custom dumps ---------------------------------------------
"$PG_BINDIR/pg_dump" -d skpi_dr_src -f "$WORK/src.sql" || abort "pg_dump plain"
q -d postgres -c "CREATE DATABASE skpi_dr_plain" || abort "create skpi_dr_plain"
q -d skpi_dr_plain -f "$WORK/src.sql" >/dev/null 2>"$WORK/plain.err"
check $? "plain dump restored with psql (ON_ERROR_STOP)"
fingerprint skpi_dr_plain "$WORK/plain.fp" || abort "fingerprint of skpi_dr_plain"
compare "$WORK/src.fp" "$WORK/plain.fp" "pg_dump plain"

"$PG_BINDIR/pg_dump" -Fc -d skpi_dr_src -f "$WORK/src.dump" || abort "pg_dump -Fc"
q -d postgres -c "CREATE DATABASE skpi_dr_custom" || abort "create skpi_dr_custom"
"$PG_BINDIR/pg_restore" --exit-on-error -d skpi_dr_custom "$WORK/src.dump" 2>"$WORK/custom.err"
check $? "custom dump restored with pg_restore --exit-on-error"
fingerprint skpi_dr_custom "$WORK/custom.fp" || abort "fingerprint of skpi_dr_custom"
compare "$WORK/src.fp" "$WORK/custom.fp" "pg_dump -Fc / pg_restore"

# --- 3. binary COPY -----------------------------------------------------------
# round trip of every table in the same database (arrays and composites carry
# their element type OIDs in the binary format, so those only load into the
# database they came from)
tables=$(q -At -d skpi_dr_custom -c "
    SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname IN ('ops', 'public') ORDER BY 1") || abort "table list"
# twice: server-side files (COPY ... TO 'file'), then the client's \copy
# (COPY ... TO STDOUT); the server writes into a directory of its own
SRVDIR=$(mktemp -d /tmp/skpi-dr-copy.XXXXXX)
chmod 777 "$SRVDIR"
rc=0
for t in $tables; do
    q -d skpi_dr_custom -c "COPY $t TO '$SRVDIR/bin.copy' WITH (FORMAT binary)" &&
    q -d skpi_dr_custom -c "TRUNCATE $t" &&
    q -d skpi_dr_custom -c "COPY $t FROM '$SRVDIR/bin.copy' WITH (FORMAT binary)" &&
    q -d skpi_dr_custom -c "\\copy $t TO '$WORK/bin.copy' WITH (FORMAT binary)" &&
    q -d skpi_dr_custom -c "TRUNCATE $t" &&
    q -d skpi_dr_custom -c "\\copy $t FROM '$WORK/bin.copy' WITH (FORMAT binary)" || rc=1
done
rm -rf "$SRVDIR"
check $rc "binary COPY out, TRUNCATE, binary COPY in of $(wc -w <<<"$tables") tables (server files, then client)"
fingerprint skpi_dr_custom "$WORK/bincopy.fp" || abort "fingerprint after binary COPY"
compare "$WORK/src.fp" "$WORK/bincopy.fp" "binary COPY round trip"

# the materialized view of states, in binary, into a table
q -d skpi_dr_custom -c "CREATE TABLE ops.monthly_bin (LIKE ops.monthly)" &&
q -d skpi_dr_custom -c "\\copy (SELECT * FROM ops.monthly) TO '$WORK/mv.copy' WITH (FORMAT binary)" &&
q -d skpi_dr_custom -c "\\copy ops.monthly_bin FROM '$WORK/mv.copy' WITH (FORMAT binary)"
check $? "binary COPY of the materialized view ops.monthly into a table"
differ=$(q -At -d skpi_dr_custom -c "
    SELECT count(*) FROM ops.monthly m FULL JOIN ops.monthly_bin b USING (id)
    WHERE m.id IS NULL OR b.id IS NULL
       OR nps_state_send(m.nps) IS DISTINCT FROM nps_state_send(b.nps)
       OR ces_state_send(m.ces) IS DISTINCT FROM ces_state_send(b.ces)
       OR queue_state_send(m.queue) IS DISTINCT FROM queue_state_send(b.queue)
       OR duration_sketch_send(m.sketch) IS DISTINCT FROM duration_sketch_send(b.sketch)
       OR handle_state_send(m.handle) IS DISTINCT FROM handle_state_send(b.handle)
       OR m::text IS DISTINCT FROM b::text
       OR nps(m.nps) IS DISTINCT FROM nps(b.nps) OR duration_median(m.sketch) IS DISTINCT FROM duration_median(b.sketch)") \
    || differ=error
check "$([ "$differ" = 0 ] && echo 0 || echo 1)" "materialized view rows identical after binary COPY (text, send, accessors; $differ differ)"

# into another database: the states table (base types only)
q -d skpi_dr_plain -c "CREATE TABLE ops.states_bin (LIKE ops.states)" &&
q -d skpi_dr_src -c "\\copy ops.states TO '$WORK/states.copy' WITH (FORMAT binary)" &&
q -d skpi_dr_plain -c "\\copy ops.states_bin FROM '$WORK/states.copy' WITH (FORMAT binary)" &&
q -d skpi_dr_plain -c "ALTER TABLE ops.states RENAME TO states_dump" &&
q -d skpi_dr_plain -c "ALTER TABLE ops.states_bin RENAME TO states"
check $? "binary COPY of ops.states from skpi_dr_src into another database"
fingerprint skpi_dr_plain "$WORK/crossdb.fp" || abort "fingerprint after cross-database binary COPY"
grep -v '^ops\.states_dump' "$WORK/crossdb.fp" > "$WORK/crossdb2.fp"
grep '^ops\.states	' "$WORK/src.fp" > "$WORK/src_states.fp"
grep '^ops\.states	' "$WORK/crossdb2.fp" > "$WORK/crossdb_states.fp"
compare "$WORK/src_states.fp" "$WORK/crossdb_states.fp" "binary COPY across databases"

# --- 4. the extension in a non-default schema -------------------------------
q -d postgres -c "CREATE DATABASE skpi_dr_kpi" || abort "create skpi_dr_kpi"
q -d skpi_dr_kpi -c "CREATE SCHEMA kpi" -c "CREATE EXTENSION support_kpi SCHEMA kpi" || abort "CREATE EXTENSION support_kpi SCHEMA kpi"
PGOPTIONS="-c search_path=public,kpi" q -d skpi_dr_kpi -f "$HERE/fixture_states.sql" >/dev/null || abort "fixture (skpi_dr_kpi)"
fingerprint skpi_dr_kpi "$WORK/kpi.fp" || abort "fingerprint of skpi_dr_kpi"
if grep -q 'kpi\.nps(kpi\.nps_state)' "$WORK/kpi.fp" && ! grep -q 'public\.nps(' "$WORK/kpi.fp"; then
    ok; echo "ok - skpi_dr_kpi: the accessors are the ones in schema kpi"
else
    not_ok "skpi_dr_kpi: accessors not found in schema kpi"
fi
"$PG_BINDIR/pg_dump" -d skpi_dr_kpi -f "$WORK/kpi.sql" || abort "pg_dump plain (kpi)"
q -d postgres -c "CREATE DATABASE skpi_dr_kpi_plain" || abort "create skpi_dr_kpi_plain"
q -d skpi_dr_kpi_plain -f "$WORK/kpi.sql" >/dev/null 2>"$WORK/kpi_plain.err"
check $? "plain dump of the kpi-schema database restored with psql"
"$PG_BINDIR/pg_dump" -Fc -d skpi_dr_kpi -f "$WORK/kpi.dump" || abort "pg_dump -Fc (kpi)"
q -d postgres -c "CREATE DATABASE skpi_dr_kpi_custom" || abort "create skpi_dr_kpi_custom"
"$PG_BINDIR/pg_restore" --exit-on-error -d skpi_dr_kpi_custom "$WORK/kpi.dump" 2>"$WORK/kpi_custom.err"
check $? "custom dump of the kpi-schema database restored with pg_restore"
for db in skpi_dr_kpi_plain skpi_dr_kpi_custom; do
    s=$(q -At -d "$db" -c "SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = 'support_kpi'")
    check "$([ "$s" = kpi ] && echo 0 || echo 1)" "$db: the extension is in schema kpi after restore ($s)"
done
fingerprint skpi_dr_kpi_plain "$WORK/kpi_plain.fp" || abort "fingerprint of skpi_dr_kpi_plain"
compare "$WORK/kpi.fp" "$WORK/kpi_plain.fp" "kpi schema, pg_dump plain"
fingerprint skpi_dr_kpi_custom "$WORK/kpi_custom.fp" || abort "fingerprint of skpi_dr_kpi_custom"
compare "$WORK/kpi.fp" "$WORK/kpi_custom.fp" "kpi schema, pg_dump -Fc / pg_restore"

finish

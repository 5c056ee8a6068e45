#!/usr/bin/env bash
# tools/checks/citus_exec.sh -- every aggregate of the extension executed the
# way Citus 13 executes a custom aggregate across shards, at the C level.
#
# Citus is not in Debian's archive, so this builds a small test-only module
# (tools/checks/citus_exec/citus_exec.c, never installed) that calls each
# aggregate's transition, combine and final functions as Citus's
# worker_partial_agg / coord_combine_agg do: looked up with fmgr_info at each
# call (no expression tree, no fn_extra kept), the state shipped as text
# through the type's output and input functions.  sql/citus_contract.sql
# checks the same contract in SQL; what only this check sees is a function
# that depends on its call site (get_fn_expr_argtype, fn_extra).
#
# For each aggregate (one test each): over the rows of sql/citus_fixture.inc
# split in 4 "shards", per group, coord_combine_agg(worker_partial_agg(...))
# equals agg(...)::text on one node.  The aggregates without a combine
# function (the splitting aggregates agent_time and concurrency) are never
# split so by Citus: it runs them whole, on the worker when the group is the
# distribution column, else on the coordinator; sql/citus_contract.sql checks
# that their running state's text form round-trips.
#
# Environment (tools/suites.sh): PGHOST/PGPORT/PGUSER of a superuser, PSQL,
# PG_CONFIG (with the server headers), SKPI_LOGDIR.  Ends with
# "citus_exec: N passed, M failed"; exit status 0 only if nothing failed.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PSQL=${PSQL:-psql}
PG_CONFIG=${PG_CONFIG:-pg_config}
DB=skpi_citus_exec
PASS=0
FAIL=0
# the server reads the module: a directory it can enter
BUILD=$(mktemp -d /tmp/skpi-citus-exec.XXXXXX)
chmod 755 "$BUILD"

q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -v ON_ERROR_STOP=1 "$@"; }
finish() {
    q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$BUILD"
    echo "citus_exec: $PASS passed, $FAIL failed"
    [ "$FAIL" = 0 ]
    exit
}
abort() { FAIL=$((FAIL + 1)); echo "not ok - $*"; finish; }

cp "$HERE/citus_exec/citus_exec.c" "$HERE/citus_exec/Makefile" "$BUILD/"
make -s -C "$BUILD" PG_CONFIG="$PG_CONFIG" with_llvm=no > "$BUILD/build.log" 2>&1 ||
    { cat "$BUILD/build.log"; abort "build the test module with $PG_CONFIG"; }
chmod 644 "$BUILD/citus_exec.so"
SO="$BUILD/citus_exec.so"

q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" || abort "create $DB"
q -d "$DB" <<SQL || abort "create the extension and the Citus-like aggregates"
CREATE EXTENSION support_kpi;
CREATE SCHEMA citus_exec;
CREATE FUNCTION citus_exec.partial_sfunc(internal, oid, VARIADIC "any") RETURNS internal
	AS '$SO', 'citus_exec_partial_sfunc' LANGUAGE C;
CREATE FUNCTION citus_exec.partial_ffunc(internal) RETURNS text
	AS '$SO', 'citus_exec_partial_ffunc' LANGUAGE C;
CREATE AGGREGATE citus_exec.worker_partial_agg(oid, VARIADIC "any") (
	SFUNC = citus_exec.partial_sfunc, STYPE = internal, FINALFUNC = citus_exec.partial_ffunc);
CREATE FUNCTION citus_exec.combine_sfunc(internal, oid, text) RETURNS internal
	AS '$SO', 'citus_exec_combine_sfunc' LANGUAGE C;
CREATE FUNCTION citus_exec.combine_ffunc(internal) RETURNS text
	AS '$SO', 'citus_exec_combine_ffunc' LANGUAGE C;
CREATE AGGREGATE citus_exec.coord_combine_agg(oid, text) (
	SFUNC = citus_exec.combine_sfunc, STYPE = internal, FINALFUNC = citus_exec.combine_ffunc);
SQL

cat > "$BUILD/run.sql" <<'SQL'
\set ON_ERROR_STOP 1
CREATE TEMP TABLE ce_result (aggregate text, groups int, equal int, error text);
DO $$
DECLARE
	a record;
	call_args text;
	r record;
BEGIN
	FOR a IN
		SELECT p.oid, p.oid::regprocedure::text AS name, ag.aggtranstype
		FROM pg_aggregate ag JOIN pg_proc p ON p.oid = ag.aggfnoid
		JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
			AND ag.aggcombinefn <> 0
		ORDER BY 2
	LOOP
		-- typed: "any" would take an untyped literal as unknown, 20 as int4
		SELECT string_agg(format('(%s)::%s', replace(c.expr, 'nargs', p.pronargs::text),
				format_type(x.t, NULL)), ', ' ORDER BY x.pos)
		INTO call_args
		FROM pg_proc p, unnest(p.proargtypes) WITH ORDINALITY x(t, pos)
		LEFT JOIN cc_args c ON c.state = a.aggtranstype AND c.pos = x.pos AND c.argtype = x.t
		WHERE p.oid = a.oid;
		BEGIN
			EXECUTE format($q$
				WITH single AS (
					SELECT g, %1$s(%2$s)::text AS v FROM cc_raw GROUP BY g
				), shards AS (
					SELECT g, shard, citus_exec.worker_partial_agg(%3$s, %2$s) AS partial
					FROM cc_raw GROUP BY g, shard
				), coordinator AS (
					SELECT g, citus_exec.coord_combine_agg(%3$s, partial) AS v FROM shards GROUP BY g
				)
				SELECT count(*) AS groups, count(*) FILTER (WHERE s.v IS NOT DISTINCT FROM c.v) AS equal
				FROM single s FULL JOIN coordinator c USING (g)$q$,
				a.oid::regproc, coalesce(call_args, 'no sample arguments'), a.oid)
			INTO r;
			INSERT INTO ce_result VALUES (a.name, r.groups, r.equal, NULL);
		EXCEPTION WHEN OTHERS THEN
			INSERT INTO ce_result VALUES (a.name, 0, 0, SQLERRM);
		END;
	END LOOP;
END $$;
COPY (SELECT CASE WHEN error IS NULL AND equal = groups AND groups > 0 THEN 'PASS' ELSE 'FAIL' END,
	aggregate, groups, equal, coalesce(error, '')
	FROM ce_result ORDER BY aggregate) TO STDOUT;
SQL
out=$(q -d "$DB" -f "$ROOT/sql/citus_fixture.inc" -f "$BUILD/run.sql" 2>&1) || { echo "$out"; abort "run the aggregates"; }
PASS=$(grep -c '^PASS' <<<"$out")
FAIL=$(grep -c '^FAIL' <<<"$out")
grep '^FAIL' <<<"$out" | head -n 20
echo "citus_exec: $PASS aggregates equal to one node when run as Citus runs them (4 shards, 5 groups each)"
echo "citus_exec: not split (no combine function, Citus runs them whole): $(q -d "$DB" -At -c "SELECT string_agg(DISTINCT p.proname, ' ') FROM pg_aggregate ag JOIN pg_proc p ON p.oid = ag.aggfnoid JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e' WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi') AND ag.aggcombinefn = 0")"
[ "$((PASS + FAIL))" -gt 0 ] || abort "no aggregate ran"
finish

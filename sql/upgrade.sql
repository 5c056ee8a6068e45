--
-- Upgrades: the released 1.0 script, then ALTER EXTENSION UPDATE; states
-- stored under 1.0 (and 1.1) stay readable and give the same results, text
-- and binary forms byte for byte (every state type and value type).
--
SET client_min_messages = warning;
DROP EXTENSION support_kpi CASCADE;
RESET client_min_messages;
CREATE EXTENSION support_kpi VERSION '1.0';
SELECT extversion FROM pg_extension WHERE extname = 'support_kpi';
CREATE TABLE upgrade_states AS
SELECT s % 2 AS g, nps_agg(s) AS n, ces_agg(s % 7 + 1) AS c, csat_agg(s % 5 + 1) AS cs,
	share_agg(s % 3 = 0) AS sh, queue_agg(make_interval(secs => s * 3), s % 4 <> 0, '20 s') AS q,
	handle_agg(make_interval(secs => 60 + s)) AS h,
	occupancy_agg(make_interval(secs => 60 * s), make_interval(secs => 30 + s)) AS o
FROM generate_series(0, 10) s GROUP BY 1;
CREATE TEMP TABLE before_update AS
SELECT g, nps(n), ces(c), csat(cs), share_pct(sh), sl_pct(q), abandon_rate(q), aht(h), occupancy(o),
	concat_ws(' ', n, c, cs, sh, q, h, o) AS texts,
	concat_ws(' ', nps_state_send(n), ces_state_send(c), csat_state_send(cs), share_state_send(sh),
		queue_state_send(q), handle_state_send(h), occupancy_state_send(o)) AS bytes
FROM upgrade_states;
ALTER EXTENSION support_kpi UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'support_kpi';
-- same results from the stored states, and their text forms are unchanged
SELECT count(*) AS differing FROM (
	SELECT g, nps(n), ces(c), csat(cs), share_pct(sh), sl_pct(q), abandon_rate(q), aht(h), occupancy(o),
		concat_ws(' ', n, c, cs, sh, q, h, o),
		concat_ws(' ', nps_state_send(n), ces_state_send(c), csat_state_send(cs), share_state_send(sh),
			queue_state_send(q), handle_state_send(h), occupancy_state_send(o))
	FROM upgrade_states
	EXCEPT ALL SELECT * FROM before_update) d;
SELECT nps(rollup(n)), share_pct(rollup(sh)) FROM upgrade_states;
-- what 1.1 added works on the upgraded installation
SELECT fcr_rate(s % 3 <> 0), resolution_rate(s % 5 <> 0), reopen_rate(s % 4 = 0)
FROM generate_series(0, 10) s;
-- 1.1 -> 1.3 (support_kpi--1.1--1.3.sql): states and values stored under 1.1 stay readable and equal
DROP TABLE upgrade_states;
SET client_min_messages = warning;
DROP EXTENSION support_kpi CASCADE;
RESET client_min_messages;
CREATE EXTENSION support_kpi VERSION '1.1';
SELECT extversion FROM pg_extension WHERE extname = 'support_kpi';
CREATE TABLE upgrade_states AS
SELECT s % 2 AS g, nps_agg(s) AS n, queue_agg(make_interval(secs => s * 3), s % 4 <> 0, '20 s') AS q,
	duration_agg(s * 37.5) AS sk,
	contact_timeline(CASE WHEN s = 0 THEN 'offered' WHEN (s / 2) % 2 = 0 THEN 'customer_message'
		ELSE 'operator_message' END, '2026-03-02 09:00+00'::timestamptz + s * interval '40 s') AS tl,
	'Europe/Berlin; Mon-Fri 09:00-18:00; holidays 2026-01-01'::business_calendar AS cal,
	format('{"version":1,"percentiles":[0.5,0.9],"array":true,"values":[%s]}',
		string_agg((s * 37.5)::text, ','))::duration_values AS dv,
	'{"version":1,"events":[["2026-03-02 09:00:00+00","customer_message","customer",null],["2026-03-02 09:01:00+00","operator_message","operator","op1"]]}'::contact_timeline_state AS ts
FROM generate_series(0, 10) s GROUP BY 1;
CREATE TEMP TABLE before_update_11 AS
SELECT g, nps(n), sl_pct(q), duration_median(sk), duration_percentile(sk, 0.9), sk::text AS sktext,
	first_response_time(tl), avg_response_time(tl), tl::text AS tltext,
	business_seconds(cal, '2026-03-02 08:00+00', '2026-03-04 12:00+00'), cal::text AS caltext,
	duration_values_percentiles(dv), concat_ws(' ', dv, ts) AS texts,
	concat_ws(' ', duration_sketch_send(sk), contact_timeline_send(tl), business_calendar_send(cal),
		duration_values_send(dv), contact_timeline_state_send(ts)) AS bytes
FROM upgrade_states;
SELECT g, nps, sl_pct, duration_median, duration_percentile, first_response_time, avg_response_time,
	business_seconds FROM before_update_11 ORDER BY g;
ALTER EXTENSION support_kpi UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'support_kpi';
SELECT count(*) AS differing FROM (
	SELECT g, nps(n), sl_pct(q), duration_median(sk), duration_percentile(sk, 0.9), sk::text,
		first_response_time(tl), avg_response_time(tl), tl::text,
		business_seconds(cal, '2026-03-02 08:00+00', '2026-03-04 12:00+00'), cal::text,
		duration_values_percentiles(dv), concat_ws(' ', dv, ts),
		concat_ws(' ', duration_sketch_send(sk), contact_timeline_send(tl), business_calendar_send(cal),
			duration_values_send(dv), contact_timeline_state_send(ts))
	FROM upgrade_states
	EXCEPT ALL SELECT * FROM before_update_11) d;
SELECT duration_count(rollup(sk)), nps(rollup(n)) FROM upgrade_states;
-- an upgraded installation has the same objects as a fresh one
CREATE TEMP TABLE upgraded_objects AS
SELECT pg_describe_object(classid, objid, objsubid) AS object
FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
		AND NOT (classid = 'pg_type'::regclass AND EXISTS (SELECT FROM pg_type el WHERE el.typarray = objid))
	AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi');
DROP TABLE upgrade_states;
DROP EXTENSION support_kpi;
CREATE EXTENSION support_kpi;
SELECT count(*) AS objects,
	(SELECT count(*) FROM ((TABLE upgraded_objects EXCEPT ALL
		SELECT pg_describe_object(classid, objid, objsubid) FROM pg_depend
		WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
		AND NOT (classid = 'pg_type'::regclass AND EXISTS (SELECT FROM pg_type el WHERE el.typarray = objid))
			AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi'))
	UNION ALL (SELECT pg_describe_object(classid, objid, objsubid) FROM pg_depend
		WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
		AND NOT (classid = 'pg_type'::regclass AND EXISTS (SELECT FROM pg_type el WHERE el.typarray = objid))
			AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
		EXCEPT ALL TABLE upgraded_objects)) d) AS differing
FROM upgraded_objects;
-- 1.3 has a whole install script (support_kpi--1.3.sql) beside the update
-- chain: an installation updated from 1.0, 1.1 or 1.2 must have exactly the
-- definitions of a fresh install: every function (its whole definition,
-- aggregates with every support function and setting), every type (I/O
-- functions, storage, enum labels, composite fields) and every comment
CREATE FUNCTION pg_temp.ext_definitions() RETURNS TABLE (object text, definition text)
LANGUAGE sql STABLE AS $$
SELECT pg_describe_object(d.classid, d.objid, 0),
	concat_ws(' | ',
		CASE WHEN d.classid = 'pg_proc'::regclass THEN (
			SELECT CASE WHEN p.prokind = 'a' THEN concat_ws(', ', pg_get_function_arguments(p.oid),
					pg_get_function_result(p.oid), p.proparallel, p.provolatile, p.proisstrict,
					a.aggkind, a.aggnumdirectargs, a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
					a.aggserialfn, a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn,
					a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify,
					a.aggsortop::regoper, a.aggtranstype::regtype, a.aggtransspace,
					a.aggmtranstype::regtype, a.aggmtransspace, a.agginitval, a.aggminitval)
				ELSE pg_get_functiondef(p.oid) END
			FROM pg_proc p LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid WHERE p.oid = d.objid)
		WHEN d.classid = 'pg_type'::regclass THEN (
			SELECT concat_ws(', ', t.typname, t.typlen, t.typbyval, t.typtype, t.typcategory, t.typalign,
				t.typstorage, t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typanalyze,
				t.typelem::regtype, t.typarray::regtype,
				(SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
				(SELECT string_agg(at.attname || ' ' || format_type(at.atttypid, at.atttypmod), ',' ORDER BY at.attnum)
					FROM pg_attribute at WHERE at.attrelid = t.typrelid AND at.attnum > 0))
			FROM pg_type t WHERE t.oid = d.objid)
		END,
		obj_description(d.objid, d.classid::regclass::text))
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	-- the array types are members themselves on PostgreSQL 17+: compared through their element types
	AND NOT (d.classid = 'pg_type'::regclass AND EXISTS (SELECT FROM pg_type el WHERE el.typarray = d.objid))
	AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
$$;
CREATE TEMP TABLE fresh_definitions AS SELECT * FROM pg_temp.ext_definitions();
SELECT count(*) AS objects, count(*) FILTER (WHERE definition LIKE '%|%') AS commented,
	count(*) FILTER (WHERE object LIKE 'function%') AS functions
FROM fresh_definitions;
-- how many definitions differ from the fresh install's (both directions)
CREATE FUNCTION pg_temp.definition_differences() RETURNS bigint LANGUAGE sql STABLE AS $$
SELECT count(*) FROM ((SELECT * FROM fresh_definitions EXCEPT ALL SELECT * FROM pg_temp.ext_definitions())
	UNION ALL (SELECT * FROM pg_temp.ext_definitions() EXCEPT ALL SELECT * FROM fresh_definitions)) x
$$;
-- each version in turn: drop, create that version, update, compare
CREATE TEMP TABLE update_differences (updated_from text, differing bigint, version text);
DO $$
DECLARE
	v text;
BEGIN
	FOREACH v IN ARRAY ARRAY['1.0', '1.1'] LOOP
		DROP EXTENSION support_kpi;
		EXECUTE format('CREATE EXTENSION support_kpi VERSION %L', v);
		ALTER EXTENSION support_kpi UPDATE;
		INSERT INTO update_differences
		SELECT v, pg_temp.definition_differences(),
			(SELECT extversion FROM pg_extension WHERE extname = 'support_kpi');
	END LOOP;
END $$;
-- 1.2 is withdrawn as a target (no script reaches it any more) ...
\set VERBOSITY terse
DROP EXTENSION support_kpi;
CREATE EXTENSION support_kpi VERSION '1.2';
CREATE EXTENSION support_kpi VERSION '1.1';
ALTER EXTENSION support_kpi UPDATE TO '1.2';
\set VERBOSITY default
-- ... but installations of 1.2 made before update: one as 1.2's script left
-- it (its generate_demo_events from the released script), then the update
DROP EXTENSION support_kpi;
CREATE EXTENSION support_kpi;
\set v12_schema public
\i sql/release_1_2.inc
SELECT extversion AS reconstructed, pg_temp.definition_differences()
	AS differing_before_update
FROM pg_extension WHERE extname = 'support_kpi';
ALTER EXTENSION support_kpi UPDATE;
INSERT INTO update_differences
SELECT '1.2', pg_temp.definition_differences(),
	(SELECT extversion FROM pg_extension WHERE extname = 'support_kpi');
-- ... and one as 1.2's real update path left it: 1.1, then the released
-- 1.1--1.2 script itself (its five demo functions become members, as ALTER
-- EXTENSION UPDATE TO '1.2' made them): 1.0's and 1.1's C names, 1.1's
-- comments, then the update to 1.3 re-points and comments everything
DROP EXTENSION support_kpi;
CREATE EXTENSION support_kpi VERSION '1.1';
\set v12_script `sed -e '/^\\echo/d' -e 's/@extschema@/public/g' support_kpi--1.1--1.2.sql`
SELECT set_config('search_path', 'public, pg_temp', false) AS released_12_search_path;
:v12_script
RESET search_path;
DO $$
DECLARE f regprocedure;
BEGIN
	FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
		AND p.proname IN ('demo_uniform', 'demo_loglogistic', 'demo_contacts_detail',
						  'generate_demo_contacts', 'generate_demo_events') LOOP
		EXECUTE format('ALTER EXTENSION support_kpi ADD FUNCTION %s', f);
	END LOOP;
END $$;
UPDATE pg_extension SET extversion = '1.2' WHERE extname = 'support_kpi';
SELECT extversion AS released_path, pg_temp.definition_differences() > 0 AS differs_before_update
FROM pg_extension WHERE extname = 'support_kpi';
ALTER EXTENSION support_kpi UPDATE;
INSERT INTO update_differences
SELECT '1.2 (released path)', pg_temp.definition_differences(),
	(SELECT extversion FROM pg_extension WHERE extname = 'support_kpi');
SELECT * FROM update_differences ORDER BY updated_from;
-- the check can fail: a comment changed after the update is a difference
COMMENT ON FUNCTION demo_uniform(bigint, bigint) IS 'changed';
SELECT count(*) AS differing FROM (SELECT * FROM pg_temp.ext_definitions() EXCEPT ALL SELECT * FROM fresh_definitions) x;
DROP EXTENSION support_kpi;
CREATE EXTENSION support_kpi;

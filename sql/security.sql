--
-- Security: a role that is not superuser installs the (trusted) extension and
-- uses it while another role has planted traps -- functions and operators with
-- the extension's names, in public and in a schema ahead of the extension's on
-- the search_path -- before the install and again before use.  No trap runs;
-- nothing is SECURITY DEFINER; no function body resolves names at call time.
--
SET client_min_messages = warning;
DROP EXTENSION support_kpi CASCADE;
DROP ROLE IF EXISTS kpi_owner;
DROP ROLE IF EXISTS kpi_mallory;
RESET client_min_messages;
CREATE ROLE kpi_owner;
CREATE ROLE kpi_mallory;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO kpi_owner', current_database()); END $$;
-- public as writable as before PostgreSQL 15
GRANT CREATE ON SCHEMA public TO kpi_owner, kpi_mallory;
CREATE SCHEMA mallory AUTHORIZATION kpi_mallory;
GRANT USAGE ON SCHEMA mallory TO PUBLIC;

-- every trap counts its calls (a sequence is not rolled back) and fails
SET ROLE kpi_mallory;
CREATE SEQUENCE mallory.trap_calls;
GRANT USAGE ON SEQUENCE mallory.trap_calls TO PUBLIC;
CREATE FUNCTION mallory.plant(sig text, ret text) RETURNS int LANGUAGE plpgsql AS $p$
BEGIN
	EXECUTE format($f$CREATE FUNCTION %s RETURNS %s LANGUAGE plpgsql AS $b$
		BEGIN PERFORM nextval('mallory.trap_calls'); RAISE EXCEPTION 'trap %s called'; END $b$$f$,
		sig, ret, replace(sig, '''', ''));
	RETURN 1;
END $p$;
CREATE FUNCTION mallory.plant_operator(op text, l text, r text) RETURNS int LANGUAGE plpgsql AS $p$
DECLARE
	fn text := format('mallory.op_%s', md5(op || l || r));
BEGIN
	IF to_regproc(fn) IS NULL THEN
		PERFORM mallory.plant(format('%s(%s, %s)', fn, l, r), 'boolean');
	END IF;
	FOREACH op IN ARRAY ARRAY['public.' || op, 'mallory.' || op] LOOP
		EXECUTE format('CREATE OPERATOR %s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %s)', op, l, r, fn);
	END LOOP;
	RETURN 2;
END $p$;

-- 1. before the install: the extension's names for built-in argument types
SELECT sum(mallory.plant(format('%s.%s', s, f), r)) AS planted
FROM unnest(ARRAY['public', 'mallory']) s,
	(VALUES ('nps(numeric)', 'numeric'), ('nps(bigint)', 'numeric'), ('nps(anyelement)', 'numeric'),
		('nps_agg(anyelement)', 'int'), ('rollup(anyelement)', 'anyelement'),
		('share_pct(anyelement)', 'numeric'), ('share_pct(numeric)', 'numeric'),
		('responses(anyelement)', 'bigint'), ('ces(numeric, numeric)', 'numeric'),
		('sl_pct(interval, boolean, text)', 'numeric'), ('aht(anyelement)', 'float8'),
		('resolution_time(anyelement, anyelement)', 'float8'),
		('duration_median(anyelement)', 'float8'), ('first_response_time(anyelement)', 'float8'),
		('business_seconds(text, timestamptz, timestamptz)', 'float8'),
		('erlang_c_pw(numeric, numeric, numeric, integer)', 'float8'),
		('nps_state_accum(anyelement, integer)', 'anyelement'),
		('nps_state_combine(anyelement, anyelement)', 'anyelement'),
		('duration_values_percentile(anyelement)', 'float8'),
		('contact_timeline_final(anyelement)', 'int'),
		('make_interval(integer, integer, integer, integer, integer, integer, double precision)', 'interval'),
		('numeric_div(numeric, numeric)', 'numeric'), ('float8(numeric)', 'float8'),
		('int4(bigint)', 'int'), ('text(anyelement)', 'text')) t(f, r)
;
SELECT sum(mallory.plant_operator(op, l, r)) AS planted_operators
FROM (VALUES ('=', 'text', 'text'), ('+', 'interval', 'interval'), ('-', 'timestamptz', 'timestamptz'),
	('<', 'double precision', 'double precision'), ('/', 'numeric', 'numeric'),
	('*', 'bigint', 'bigint'), ('=', 'anyenum', 'anyenum')) o(op, l, r)
;
RESET ROLE;
SELECT count(*) AS traps FROM pg_proc WHERE proowner = 'kpi_mallory'::regrole AND proname <> 'plant' AND proname <> 'plant_operator';
SELECT count(*) AS trap_operators FROM pg_operator WHERE oprowner = 'kpi_mallory'::regrole;

-- 2. the install, by a role that is not superuser, with the traps on its path
SET ROLE kpi_owner;
SELECT rolsuper, rolcreatedb FROM pg_roles WHERE rolname = current_user;
CREATE SCHEMA kpi;
SET search_path = mallory, public;
CREATE EXTENSION support_kpi SCHEMA kpi;
GRANT USAGE ON SCHEMA kpi TO PUBLIC;
RESET ROLE;
RESET search_path;
SELECT extname, extowner::regrole, extnamespace::regnamespace, extversion FROM pg_extension WHERE extname = 'support_kpi';
-- its objects belong to the bootstrap superuser: the installer cannot replace them
SELECT count(*) AS functions, count(*) FILTER (WHERE proowner <> 10) AS not_bootstrap_owned
FROM pg_proc WHERE pronamespace = 'kpi'::regnamespace;

-- 3. before use: exact copies of the extension's support functions (what its
-- aggregates call) and of its accessors' names with other signatures, and
-- operators on its types, in public and in mallory
SET ROLE kpi_mallory;
SELECT sum(mallory.plant(format('%s.%s(%s)', s, p.proname, pg_get_function_identity_arguments(p.oid)),
	format_type(p.prorettype, NULL))) AS planted
FROM unnest(ARRAY['public', 'mallory']) s, pg_proc p
WHERE p.pronamespace = 'kpi'::regnamespace AND p.prokind = 'f'
	AND p.proname ~ '_(accum|maccum|retract|combine|uncombine|nonempty|final|percentiles?)(_|$)'
	AND NOT EXISTS (SELECT FROM unnest(p.proargtypes) t WHERE t = 'internal'::regtype)
;
SELECT sum(mallory.plant(format('%s.%s', s, f), r)) AS planted
FROM unnest(ARRAY['public', 'mallory']) s,
	(VALUES ('text(kpi.nps_state)', 'text'), ('nps_state(text)', 'kpi.nps_state'),
		('queue_state(text)', 'kpi.queue_state'), ('rollup(anyarray)', 'anyelement'),
		('nps(kpi.nps_state, variadic int[])', 'numeric'),
		('first_response_time(kpi.contact_timeline_state)', 'float8')) t(f, r)
;
SELECT sum(mallory.plant_operator(op, t, t)) AS planted_operators
FROM unnest(ARRAY['=', '<', '+', '||']) op,
	unnest(ARRAY['kpi.nps_state', 'kpi.share_state', 'kpi.queue_state', 'kpi.duration_sketch',
		'kpi.contact_timeline', 'kpi.business_calendar', 'kpi.contact_event_kind']) t
;
RESET ROLE;
SELECT count(*) AS traps FROM pg_proc WHERE proowner = 'kpi_mallory'::regrole AND proname <> 'plant' AND proname <> 'plant_operator';

-- 4. use, as a plain role and as the installer, with mallory then public
-- ahead of the extension's schema: calls whose arguments have the types of
-- the extension's functions (typed literals) find the extension's functions;
-- its aggregates, casts and accessors never reach a trap
CREATE ROLE kpi_reader;
CREATE TABLE public.sec_survey AS
SELECT s AS id, s % 11 AS score, s % 3 = 0 AS flag, make_interval(secs => s * 3) AS wait, s % 4 <> 0 AS answered,
	'2026-03-02 09:00+00'::timestamptz + s * interval '1 h' AS opened_at
FROM generate_series(0, 40) s;
GRANT SELECT ON sec_survey TO kpi_owner, kpi_reader;
SET ROLE kpi_reader;
SET search_path = mallory, public, kpi;
SELECT nps(score), ces(score % 7 + 1), csat(score % 5 + 1), share_pct(flag), fcr_rate(flag),
	sl_pct(wait, answered, interval '20 s'), abandon_rate(wait, answered), asa(wait, answered), aht(wait)
FROM sec_survey;
SELECT nps(rollup(st)), responses(rollup(st)), score_counts(rollup(st)::text::nps_state)
FROM (SELECT nps_agg(score) AS st FROM sec_survey GROUP BY id % 4) g;
SELECT sl_pct(rollup(q)), offered(rollup(q)) FROM (SELECT queue_agg(wait, answered, interval '20 s') AS q FROM sec_survey GROUP BY id % 3) g;
SELECT resolution_time(wait), resolution_time(extract(epoch FROM wait)::float8, 0.9),
	resolution_time(opened_at, opened_at + wait, ARRAY[0.25, 0.75]::float8[]),
	duration_median(duration_agg(wait)), duration_count(duration_agg(wait))
FROM sec_survey;
SELECT id, round(nps(score) OVER (ORDER BY id ROWS 5 PRECEDING), 2) AS nps_6
FROM sec_survey WHERE id BETWEEN 10 AND 13 ORDER BY id;
SELECT first_response_time(tl), message_count(tl), is_resolved(tl), tl::text::contact_timeline::text = tl::text AS text_round_trip
FROM (SELECT contact_timeline(CASE WHEN id = 0 THEN 'offered' WHEN id % 2 = 1 THEN 'customer_message'
		ELSE 'operator_message' END, opened_at) AS tl FROM sec_survey WHERE id < 6) x;
SELECT business_seconds(business_calendar 'Europe/Berlin; Mon-Fri 09:00-18:00; holidays 2026-03-03',
		'2026-03-02 08:00+00', '2026-03-05 12:00+00'),
	erlang_c_pw(100, 1800, 240, 20) > 0 AS pw, erlang_c_agents(100, 1800, 240, 0.8, 20);
RESET ROLE;
SET ROLE kpi_owner;
SET search_path = mallory, public, kpi;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN (COSTS OFF) SELECT nps(score), share_pct(flag), sl_pct(wait, answered, interval '20 s') FROM sec_survey;
SELECT nps(score), share_pct(flag), sl_pct(wait, answered, interval '20 s') FROM sec_survey;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET ROLE;
RESET search_path;
SELECT last_value, is_called AS any_trap_called FROM mallory.trap_calls;
-- What no extension can prevent (PostgreSQL's resolution rules): an untyped
-- literal is taken for text, so a text overload planted anywhere on the path
-- beats the extension's interval or business_calendar parameter.  Write
-- typed literals, or keep schemas others can write to off the search_path.
SET ROLE kpi_reader;
SET search_path = kpi, public;
SELECT sl_pct(wait, answered, '20 s') FROM sec_survey;
RESET ROLE;
RESET search_path;
SELECT setval('mallory.trap_calls', 1, false);

-- 5. the catalog: no SECURITY DEFINER, no function resolving names at call
-- time under the caller's search_path (the plpgsql source functions, which
-- name the user's schema at call time, run under their own locked
-- search_path, pg_catalog, pg_temp: test/source_security.sql plants traps for
-- them and checks the views they create from pg_depend); what PUBLIC may
-- execute
WITH f AS (
	SELECT p.*, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
	JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi'))
SELECT lanname, count(*) AS functions,
	count(*) FILTER (WHERE prosecdef) AS security_definer,
	count(*) FILTER (WHERE proconfig IS NOT NULL) AS with_settings,
	count(*) FILTER (WHERE proleakproof) AS leakproof,
	count(*) FILTER (WHERE provolatile = 'v') AS volatile,
	count(*) FILTER (WHERE has_function_privilege('public', oid, 'EXECUTE')) AS public_execute,
	count(*) FILTER (WHERE 'internal'::regtype = ANY (proargtypes)) AS internal_argument,
	count(*) FILTER (WHERE prorettype = 'internal'::regtype) AS returns_internal
FROM f GROUP BY lanname ORDER BY lanname;
-- a function in SQL or a procedural language must be search_path-safe: a
-- SQL-standard body (bound at creation) or SET search_path
SELECT p.oid::regprocedure AS unsafe_function
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
	AND l.lanname NOT IN ('c', 'internal') AND p.prosqlbody IS NULL
	AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%');
-- the functions that take internal: the binary input functions (no SQL
-- expression can produce an internal value to pass them)
SELECT string_agg(p.proname, ', ' ORDER BY p.proname) AS internal_argument
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
	AND 'internal'::regtype = ANY (p.proargtypes);
-- settings a user may change
SELECT name, context FROM pg_settings WHERE name LIKE 'support_kpi.%' ORDER BY name;

-- 6. the default install into public, traps already there (the ones on the
-- extension's types go with it)
SET client_min_messages = warning;
DROP EXTENSION support_kpi CASCADE;
RESET client_min_messages;
DROP SCHEMA kpi;
SET ROLE kpi_owner;
CREATE EXTENSION support_kpi;
SELECT nps(score), share_pct(flag), aht(wait), sl_pct(wait, answered, interval '20 s'),
	business_seconds(business_calendar 'UTC; Mon-Fri 09:00-17:00', min(opened_at), max(opened_at))
FROM sec_survey;
SELECT nps(rollup(st)), share_pct(rollup(sh))
FROM (SELECT nps_agg(score) AS st, share_agg(flag) AS sh FROM sec_survey GROUP BY id % 5) x;
RESET ROLE;
-- the demo generator (PL/pgSQL, names resolved when it runs) with overloads of
-- its helpers planted beside them in public: a superuser calling it runs none
SET ROLE kpi_mallory;
SELECT sum(mallory.plant(format('public.%s', f), 'double precision')) AS planted
FROM (VALUES ('demo_loglogistic(double precision, integer, integer)'),
		('demo_loglogistic(double precision, numeric, integer)'),
		('demo_loglogistic(double precision, double precision, bigint)'),
		('demo_loglogistic(numeric, double precision, integer)'),
		('demo_uniform(bigint, integer)'), ('demo_uniform(integer, bigint)'),
		('demo_uniform(numeric, bigint)'), ('demo_uniform(integer, integer)')) t(f)
;
RESET ROLE;
SELECT count(*) AS contacts, count(DISTINCT channel) AS channels FROM generate_demo_contacts(1, '2026-02-01', 5);
SELECT count(*) > 0 AS events FROM generate_demo_events(1, '2026-02-01', 5);
SELECT last_value, is_called AS any_trap_called FROM mallory.trap_calls;

-- clean up: the extension back in public for the next tests
DROP TABLE sec_survey;
DROP EXTENSION support_kpi;
DROP OWNED BY kpi_mallory;
DROP OWNED BY kpi_owner;
DROP OWNED BY kpi_reader;
DROP ROLE kpi_mallory;
DROP ROLE kpi_owner;
DROP ROLE kpi_reader;
CREATE EXTENSION support_kpi;

-- pgTAP: the source functions (create_asterisk_views, create_chatwoot_views,
-- create_zammad_views) are safe to run in a database others can write to.
--
-- They are plpgsql: they name the user's schema at call time, so they cannot
-- be SQL-standard bodies bound at install.  What keeps them safe:
-- 1. SECURITY INVOKER, search_path locked to "pg_catalog, pg_temp" (the
--    caller's search_path is never used), volatile and parallel unsafe;
-- 2. the views they create bind every name when they are created: built-ins
--    from pg_catalog, the extension's objects schema-qualified with argument
--    types that match exactly, so an overload planted beside the extension's
--    functions (here in public, writable by another role, where the extension
--    lives) with "better" argument types is never chosen;
-- 3. the views are security_invoker (whoever reads them needs the right to
--    read the source tables).
-- The check runs as a non-superuser analyst, after another role planted a
-- trap for every function the views call, under every argument type that an
-- implicit cast could reach: no trap runs, and the catalog (pg_depend) shows
-- every view bound only to pg_catalog, the extension and the source tables.
\set schema source_security
\ir helpers.psql

SELECT plan(16);

-- small generated sources (schemas asterisk, chatwoot, zammad)
\set asterisk_calls 200
\set asterisk_agents 6
\ir ../examples/sources/asterisk.sql
\set chatwoot_conversations 60
\ir ../examples/sources/chatwoot.sql
\set zm_schema zammad
\set zm_tickets 40
\ir ../examples/sources/zammad.sql
SET search_path = source_security, public;

-- 1. the functions' own properties
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
		AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
		AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
	WHERE p.proname LIKE 'create\_%\_views'), 3, 'the extension has three source functions');
SELECT is((SELECT string_agg(format('%s: %s %s %s %s %s', p.proname, l.lanname, p.prosecdef, p.provolatile, p.proparallel,
		p.proconfig), '; ' ORDER BY p.proname)
	FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname LIKE 'create\_%\_views'),
	'create_asterisk_views: plpgsql f v u {"search_path=pg_catalog, pg_temp"}; '
	|| 'create_chatwoot_views: plpgsql f v u {"search_path=pg_catalog, pg_temp"}; '
	|| 'create_zammad_views: plpgsql f v u {"search_path=pg_catalog, pg_temp"}',
	'each is plpgsql, SECURITY INVOKER, volatile, parallel unsafe, with search_path locked to pg_catalog, pg_temp');

-- the roles: an analyst who may read the sources and create schemas, and
-- mallory who may create objects in public (as before PostgreSQL 15)
SET client_min_messages = warning;
DO $$
DECLARE r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['skpi_src_analyst', 'skpi_src_mallory'] LOOP
		IF EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('DROP OWNED BY %I', r);
			EXECUTE format('DROP ROLE %I', r);
		END IF;
	END LOOP;
END $$;
RESET client_min_messages;
CREATE ROLE skpi_src_analyst;
CREATE ROLE skpi_src_mallory;
SELECT set_config('skpi.db', current_database(), false) \g /dev/null
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO skpi_src_analyst', current_setting('skpi.db')); END $$;
GRANT USAGE ON SCHEMA asterisk, chatwoot, zammad, source_security TO skpi_src_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA asterisk, chatwoot, zammad TO skpi_src_analyst;
GRANT CREATE ON SCHEMA public TO skpi_src_mallory;
CREATE SEQUENCE trap_calls;
GRANT USAGE ON SEQUENCE trap_calls TO PUBLIC;
GRANT USAGE ON SCHEMA source_security TO skpi_src_mallory;

-- the views of one run, and what each depends on outside its own schema
CREATE FUNCTION run_all(suffix text) RETURNS SETOF regclass LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY SELECT create_asterisk_views('asterisk.queue_log', 'ast_' || suffix);
	RETURN QUERY SELECT create_chatwoot_views('chatwoot', 'cw_' || suffix);
	RETURN QUERY SELECT create_zammad_views('zammad', 'zm_' || suffix);
END $$;
CREATE FUNCTION deps(suffix text) RETURNS TABLE (view_name text, kind text, obj text, nsp text, owner text, member boolean)
LANGUAGE sql AS $$
	SELECT DISTINCT v.oid::regclass::text, d.refclassid::regclass::text,
		CASE d.refclassid WHEN 'pg_proc'::regclass THEN d.refobjid::regprocedure::text
			WHEN 'pg_operator'::regclass THEN d.refobjid::regoperator::text
			WHEN 'pg_type'::regclass THEN d.refobjid::regtype::text
			WHEN 'pg_class'::regclass THEN d.refobjid::regclass::text
			ELSE d.refobjid::text END,
		coalesce(pp.pronamespace, po.oprnamespace, pt.typnamespace, pc.relnamespace, pl.collnamespace)::regnamespace::text,
		coalesce(pp.proowner, po.oprowner, pt.typowner, pc.relowner, pl.collowner)::regrole::text,
		EXISTS (SELECT FROM pg_depend e WHERE e.classid = d.refclassid AND e.objid = d.refobjid AND e.deptype = 'e')
	FROM pg_class v
	JOIN pg_rewrite r ON r.ev_class = v.oid
	JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refobjid <> v.oid
	LEFT JOIN pg_proc pp ON d.refclassid = 'pg_proc'::regclass AND pp.oid = d.refobjid
	LEFT JOIN pg_operator po ON d.refclassid = 'pg_operator'::regclass AND po.oid = d.refobjid
	LEFT JOIN pg_type pt ON d.refclassid = 'pg_type'::regclass AND pt.oid = d.refobjid
	LEFT JOIN pg_class pc ON d.refclassid = 'pg_class'::regclass AND pc.oid = d.refobjid
	LEFT JOIN pg_collation pl ON d.refclassid = 'pg_collation'::regclass AND pl.oid = d.refobjid
	WHERE v.relkind = 'v' AND v.relnamespace::regnamespace::text IN ('ast_' || suffix, 'cw_' || suffix, 'zm_' || suffix)
$$;
GRANT EXECUTE ON FUNCTION run_all(text), deps(text) TO skpi_src_analyst;

-- 2. a clean run by the analyst
SET ROLE skpi_src_analyst;
SELECT is((SELECT count(*)::int FROM run_all('clean')), 22, 'the analyst creates the 22 views of the three sources');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM deps('clean') WHERE kind IN ('pg_proc', 'pg_operator', 'pg_type')
		AND nsp NOT IN ('pg_catalog') AND NOT (nsp = 'public' AND member)), 0,
	'clean run: every function, operator and type a view is bound to is built in or the extension''s');
SELECT is((SELECT count(*)::int FROM deps('clean') WHERE kind = 'pg_class'
		AND nsp NOT IN ('asterisk', 'chatwoot', 'zammad', 'ast_clean', 'cw_clean', 'zm_clean')), 0,
	'clean run: the views read only the source tables and each other');
SELECT ok((SELECT count(DISTINCT obj) FROM deps('clean') WHERE kind = 'pg_proc' AND member) >= 10,
	'the views call the extension''s functions (at least ten distinct ones)');
SELECT is((SELECT count(*)::int FROM pg_class c WHERE c.relkind = 'v'
		AND c.relnamespace::regnamespace::text IN ('ast_clean', 'cw_clean', 'zm_clean')
		AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)), 0,
	'every view is security_invoker');

-- the target schema: another role's schema is refused (its owner could
-- replace the views later and run SQL as whoever reads them), and so is a
-- relation of a view's name the function did not make; its own views are
-- replaced
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO skpi_src_mallory', current_setting('skpi.db')); END $$;
SET ROLE skpi_src_mallory;
CREATE SCHEMA mallory_kpi;
GRANT USAGE, CREATE ON SCHEMA mallory_kpi TO PUBLIC;
RESET ROLE;
SET ROLE skpi_src_analyst;
SELECT throws_ok($$SELECT create_asterisk_views('asterisk.queue_log', 'mallory_kpi')$$, '42501',
	'create_asterisk_views: schema "mallory_kpi" belongs to another role',
	'a schema of another role is refused (42501), even one the caller may create in');
CREATE SCHEMA analyst_kpi;
CREATE VIEW analyst_kpi.contact_facts AS SELECT 1 AS contact_id;
SELECT throws_ok($$SELECT create_chatwoot_views('chatwoot', 'analyst_kpi')$$, '42P07',
	'create_chatwoot_views: analyst_kpi.contact_facts exists and was not made by create_chatwoot_views as you',
	'a view of the same name the function did not make is not replaced (42P07)');
SELECT is((SELECT count(*)::int FROM run_all('clean')), 22, 'a second run replaces its own 22 views');
RESET ROLE;
SELECT throws_ok($$SELECT create_zammad_views('zammad', 'mallory_kpi')$$, '42501', NULL,
	'a superuser is refused another role''s schema too');

-- 3. mallory plants, in public beside the extension, an overload of every
--    function the views call (the extension's and the built-ins' names) with
--    each argument in turn given another type an implicit cast reaches
CREATE TABLE trap_types (t text);
INSERT INTO trap_types VALUES ('smallint'), ('integer'), ('bigint'), ('numeric'), ('real'), ('double precision'),
	('text'), ('character varying'), ('name'), ('"char"'), ('timestamp without time zone'),
	('timestamp with time zone'), ('date'), ('interval'), ('boolean'), ('jsonb'), ('json');
CREATE TABLE trap_sigs AS
SELECT DISTINCT p.proname AS name, (
		SELECT string_agg(CASE WHEN i = k THEN tt.t ELSE format_type(a, NULL) END, ', ' ORDER BY i)
		FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY u(a, i)) AS sig
FROM deps('clean') d
JOIN pg_proc p ON p.oid = d.obj::regprocedure
CROSS JOIN LATERAL generate_series(1, p.pronargs) k
CROSS JOIN trap_types tt
WHERE d.kind = 'pg_proc' AND p.pronargs > 0 AND p.prokind <> 'w'
	AND NOT EXISTS (SELECT FROM unnest(p.proargtypes::oid[]) a WHERE format_type(a, NULL) IN ('anyelement', 'anyarray',
		'anynonarray', 'anyenum', 'anycompatible', 'anycompatiblearray', '"any"', 'internal', 'record', 'cstring'));
GRANT SELECT ON trap_sigs TO skpi_src_mallory;
CREATE FUNCTION plant() RETURNS bigint LANGUAGE plpgsql AS $p$
DECLARE r record; n bigint := 0;
BEGIN
	FOR r IN SELECT * FROM trap_sigs ORDER BY name, sig LOOP
		BEGIN
			EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS integer LANGUAGE plpgsql AS %L', r.name, r.sig,
				'BEGIN PERFORM pg_catalog.nextval(''source_security.trap_calls''); RAISE EXCEPTION ''trap called''; END');
			n := n + 1;
		EXCEPTION WHEN duplicate_function THEN
			NULL;		-- the extension's own signature (or one planted already)
		END;
	END LOOP;
	RETURN n;
END $p$;
GRANT EXECUTE ON FUNCTION plant() TO skpi_src_mallory;
SET ROLE skpi_src_mallory;
SELECT ok(plant() > 200, 'mallory planted hundreds of overloads in public');
RESET ROLE;

-- 4. the analyst runs the three functions again, with mallory's schema first
SET ROLE skpi_src_analyst;
SET search_path = public, source_security;
SELECT is((SELECT count(*)::int FROM source_security.run_all('trapped')), 22,
	'with the traps in place the analyst creates the same 22 views');
-- every view read in full
CREATE TEMP TABLE reads AS SELECT 0 AS n;
DO $$
DECLARE v regclass;
BEGIN
	FOR v IN SELECT c.oid FROM pg_class c WHERE c.relkind = 'v'
		AND c.relnamespace::regnamespace::text IN ('ast_trapped', 'cw_trapped', 'zm_trapped') LOOP
		EXECUTE format('SELECT count(*) FROM (SELECT * FROM %s) s', v);
		UPDATE reads SET n = n + 1;
	END LOOP;
END $$;
SELECT is((SELECT n FROM reads), 22, 'every view of the trapped run reads without error');
DROP TABLE reads;
RESET ROLE;
SET search_path = source_security, public;
SELECT is((SELECT last_value FROM trap_calls) + 0 - CASE WHEN (SELECT is_called FROM trap_calls) THEN 0 ELSE 1 END, 0::bigint,
	'no planted function ran');
SELECT is((SELECT count(*)::int FROM deps('trapped') WHERE kind IN ('pg_proc', 'pg_operator', 'pg_type')
		AND owner = 'skpi_src_mallory'), 0, 'no view is bound to anything mallory planted');

SELECT * FROM finish();
SET client_min_messages = warning;
DROP SCHEMA ast_clean, cw_clean, zm_clean, ast_trapped, cw_trapped, zm_trapped, analyst_kpi, mallory_kpi CASCADE;
DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.proowner = 'skpi_src_mallory'::regrole LOOP
		EXECUTE format('DROP FUNCTION %s', r.f);
	END LOOP;
END $$;
DROP SCHEMA asterisk, chatwoot, zammad CASCADE;
DROP SCHEMA :"schema" CASCADE;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM skpi_src_analyst', current_database()); END $$;
REVOKE CREATE ON SCHEMA public FROM skpi_src_mallory;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM skpi_src_mallory', current_database()); END $$;
DROP ROLE skpi_src_analyst;
DROP ROLE skpi_src_mallory;

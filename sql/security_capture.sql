--
-- Install-time capture.  A SQL-standard function body (BEGIN ATOMIC, RETURN)
-- is bound once, when the install or update script runs CREATE FUNCTION,
-- under the search_path "target schema, pg_temp" (pg_catalog implicitly
-- first).  A call that reaches a built-in only through an implicit cast
-- (make_interval(secs => <integer>), <integer> * <double precision>) binds
-- instead to an exact-type overload that someone planted in the target
-- schema or in public BEFORE the install; whoever calls the function later,
-- a superuser included, runs the planted code.  1.2's generate_demo_events
-- had such calls; 1.3 names only pg_catalog objects, schema-qualified with
-- exact argument types, or the extension's own.
--
-- The class is closed from the catalog: skpi_check.foreign_deps() lists
-- every dependency (pg_depend) of every object of the extension on an
-- object outside pg_catalog and the extension (its schema and the plpgsql
-- language aside).  A SQL-standard body records a dependency on each
-- function, operator and type it is bound to that is not built in, so a
-- body bound to anything planted shows up there.  The check must list
-- nothing on fresh installs and on installs updated from 1.0, 1.1 and 1.2,
-- with traps in place; on 1.2 with the traps it lists the capture (the
-- check can fail).
--
SET client_min_messages = warning;
DROP EXTENSION support_kpi CASCADE;
DROP SCHEMA IF EXISTS skpi_check CASCADE;
DROP ROLE IF EXISTS kpi_attacker;
DROP ROLE IF EXISTS kpi_bystander;
RESET client_min_messages;
CREATE ROLE kpi_attacker;
CREATE ROLE kpi_bystander;
-- the attacker may create schemas (and install trusted extensions); the
-- bystander may create objects in public (as before PostgreSQL 15)
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO kpi_attacker', current_database()); END $$;
GRANT CREATE ON SCHEMA public TO kpi_bystander;

CREATE SCHEMA skpi_check;
GRANT USAGE ON SCHEMA skpi_check TO PUBLIC;
-- every trap counts its calls here (a sequence is not rolled back)
CREATE SEQUENCE skpi_check.trap_calls;
GRANT USAGE ON SEQUENCE skpi_check.trap_calls TO PUBLIC;
CREATE FUNCTION skpi_check.foreign_deps(ext name DEFAULT 'support_kpi')
RETURNS TABLE (object text, depends_on text)
LANGUAGE sql STABLE
BEGIN ATOMIC
	WITH RECURSIVE e AS (
		SELECT x.oid, x.extnamespace FROM pg_catalog.pg_extension x WHERE x.extname = ext),
	members(classid, objid) AS (
		SELECT d.classid, d.objid FROM pg_catalog.pg_depend d, e
		WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = e.oid
			AND d.deptype = 'e'
		UNION
		-- what belongs to a member: a view's rule, a default, a domain's
		-- constraint, a composite type's relation, an array type
		SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
		JOIN members m ON d.refclassid = m.classid AND d.refobjid = m.objid
		WHERE d.deptype IN ('i', 'a'))
	SELECT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid),
		pg_catalog.pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid)
	FROM members m JOIN pg_catalog.pg_depend d ON d.classid = m.classid AND d.objid = m.objid, e
	WHERE d.deptype <> 'e'
		AND NOT EXISTS (SELECT FROM members m2 WHERE m2.classid = d.refclassid AND m2.objid = d.refobjid)
		AND NOT (d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = e.oid)
		AND NOT (d.refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
			AND d.refobjid IN (e.extnamespace, 'pg_catalog'::pg_catalog.regnamespace))
		AND NOT (d.refclassid = 'pg_catalog.pg_language'::pg_catalog.regclass
			AND d.refobjid = (SELECT l.oid FROM pg_catalog.pg_language l WHERE l.lanname = 'plpgsql'))
		AND (pg_catalog.pg_identify_object(d.refclassid, d.refobjid, 0)).schema IS DISTINCT FROM 'pg_catalog'
	ORDER BY 1, 2;
END;

-- the two traps of the report, planted in schema s by the role that runs
-- this: each does what the built-in does (nothing looks wrong), counts its
-- call, and makes that role superuser when a superuser calls it
CREATE FUNCTION skpi_check.plant_escalation(s text) RETURNS text LANGUAGE plpgsql AS $p$
DECLARE
	body text := format($b$BEGIN
	PERFORM pg_catalog.nextval('skpi_check.trap_calls');
	IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
		EXECUTE 'ALTER ROLE %I SUPERUSER';
	END IF;
	RETURN %%s;
END$b$, current_user);
BEGIN
	EXECUTE format('CREATE FUNCTION %I.evil_mul(integer, double precision) RETURNS double precision LANGUAGE plpgsql AS %L',
		s, format(body, '$1::double precision OPERATOR(pg_catalog.*) $2'));
	EXECUTE format('CREATE OPERATOR %I.* (LEFTARG = integer, RIGHTARG = double precision, FUNCTION = %I.evil_mul)', s, s);
	EXECUTE format('CREATE FUNCTION %I.make_interval(secs integer) RETURNS interval LANGUAGE plpgsql AS %L',
		s, format(body, 'pg_catalog.make_interval(secs => secs::double precision)'));
	RETURN format('%s.*(integer, double precision) and %s.make_interval(secs integer), owned by %s', s, s, current_user);
END $p$;

-- 1. The reported escalation, path (a): a role with nothing but CREATE on
-- the database creates schema kpi, plants an operator * (integer, double
-- precision) and make_interval(secs integer) there, and installs the
-- extension into it.  Each trap does what the built-in does (nothing looks
-- wrong), counts its call, and makes its owner superuser when a superuser
-- calls it.
SET ROLE kpi_attacker;
CREATE SCHEMA kpi;
GRANT USAGE ON SCHEMA kpi TO PUBLIC;
SELECT skpi_check.plant_escalation('kpi');
-- 1.2 is withdrawn as a target: the attacker cannot pick it
\set VERBOSITY terse
CREATE EXTENSION support_kpi VERSION '1.2' SCHEMA kpi;
\set VERBOSITY default
-- 1.3, traps in place: nothing bound to them
CREATE EXTENSION support_kpi SCHEMA kpi;
RESET ROLE;
SELECT extversion FROM pg_extension WHERE extname = 'support_kpi';
SELECT * FROM skpi_check.foreign_deps();
-- an installation of 1.2 made before (its generate_demo_events from the
-- released script, bound as that script bound it, with the traps in place):
-- the check sees the body bound to both traps
\set v12_schema kpi
\i sql/release_1_2.inc
SELECT * FROM skpi_check.foreign_deps();
-- the installer updates: CREATE OR REPLACE re-binds the body
SET ROLE kpi_attacker;
ALTER EXTENSION support_kpi UPDATE TO '1.3';
RESET ROLE;
SELECT extversion FROM pg_extension WHERE extname = 'support_kpi';
SELECT * FROM skpi_check.foreign_deps();
-- a superuser uses the demo generator with a safe search_path and exactly
-- typed arguments (an untyped or integer argument would let an overload the
-- schema's owner adds later win: never call into a schema an untrusted role
-- can write to without exact types)
SET search_path = pg_catalog;
SELECT count(*) AS events, count(DISTINCT contact_id) AS contacts FROM kpi.generate_demo_events(1, date '2026-02-01', 5::bigint);
SELECT count(*) AS contacts FROM kpi.generate_demo_contacts(1, date '2026-02-01', 5::bigint);
RESET search_path;
SELECT rolsuper AS attacker_is_superuser FROM pg_roles WHERE rolname = 'kpi_attacker';
SELECT last_value, is_called AS any_trap_called FROM skpi_check.trap_calls;

-- and updated from 1.0 and from 1.1, traps in place
SET ROLE kpi_attacker;
DROP EXTENSION support_kpi;
CREATE EXTENSION support_kpi VERSION '1.0' SCHEMA kpi;
ALTER EXTENSION support_kpi UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'support_kpi';
SELECT * FROM skpi_check.foreign_deps();
DROP EXTENSION support_kpi;
CREATE EXTENSION support_kpi VERSION '1.1' SCHEMA kpi;
ALTER EXTENSION support_kpi UPDATE;
SELECT * FROM skpi_check.foreign_deps();
SET search_path = pg_catalog;
SELECT count(*) AS events FROM kpi.generate_demo_events(1, date '2026-02-01', 5::bigint);
RESET search_path;
DROP EXTENSION support_kpi;
RESET ROLE;
SELECT rolsuper AS attacker_is_superuser FROM pg_roles WHERE rolname = 'kpi_attacker';
SELECT last_value, is_called AS any_trap_called FROM skpi_check.trap_calls;

-- 2. Path (b): a bystander with CREATE on public plants the same traps
-- there; someone else, later, runs a plain CREATE EXTENSION (into public)
SET ROLE kpi_bystander;
SELECT skpi_check.plant_escalation('public');
RESET ROLE;
CREATE EXTENSION support_kpi;
SELECT * FROM skpi_check.foreign_deps();
-- an installation of 1.2 made before, then updated
\set v12_schema public
\i sql/release_1_2.inc
SELECT * FROM skpi_check.foreign_deps();
ALTER EXTENSION support_kpi UPDATE;
SELECT * FROM skpi_check.foreign_deps();
SET search_path = pg_catalog;
SELECT count(*) AS events FROM public.generate_demo_events(1, date '2026-02-01', 5::bigint);
RESET search_path;
SELECT rolname, rolsuper FROM pg_roles WHERE rolname IN ('kpi_attacker', 'kpi_bystander') ORDER BY 1;
SELECT last_value, is_called AS any_trap_called FROM skpi_check.trap_calls;

-- 3. Every trap at once.  From the bodies of the extension's SQL and
-- PL/pgSQL functions (as installed above), every function name and
-- operator they use; then, before an install, overloads of each planted
-- in the target schema (by the installer) and in public (by the
-- bystander): for every parameter of every built-in or extension function
-- of that name, the same signature with that parameter of another common
-- type (and versions for calls by parameter name); for every
-- operator symbol, every pair of those types.  The extension is then
-- installed (into the planted schema by the attacker; into public by a
-- superuser), every one of its functions and aggregates is called by a
-- superuser, and no trap may have run.
CREATE TABLE skpi_check.used AS
WITH body AS (
	SELECT pg_get_functiondef(p.oid) AS src
	FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	JOIN pg_language l ON l.oid = p.prolang
	WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
		AND l.lanname IN ('sql', 'plpgsql'))
SELECT DISTINCT 'f' AS kind, lower(m[1]) AS name
FROM body, regexp_matches(src, '([A-Za-z_][A-Za-z0-9_]*)\s*\(', 'g') m
WHERE EXISTS (SELECT FROM pg_proc p WHERE p.proname = lower(m[1]) AND p.prokind = 'f'
	AND p.pronamespace IN ('pg_catalog'::regnamespace, 'public'::regnamespace))
UNION
SELECT DISTINCT 'o', m[1]
FROM body, regexp_matches(src, '([-+*/<>=~!@#%^&|`?]+)', 'g') m
WHERE EXISTS (SELECT FROM pg_operator o WHERE o.oprname = m[1] AND o.oprnamespace = 'pg_catalog'::regnamespace);
-- the extension's own signatures (a planted exact copy would only make the install fail)
CREATE TABLE skpi_check.own AS
SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS sig
FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace;
SELECT kind, count(*) AS names, string_agg(name, ' ' ORDER BY name) AS used
FROM skpi_check.used GROUP BY kind ORDER BY kind;
DROP EXTENSION support_kpi;
DROP OPERATOR public.* (integer, double precision);
DROP FUNCTION public.evil_mul(integer, double precision);
DROP FUNCTION public.make_interval(integer);
SET ROLE kpi_attacker;
DROP OPERATOR kpi.* (integer, double precision);
DROP FUNCTION kpi.evil_mul(integer, double precision);
DROP FUNCTION kpi.make_interval(integer);
RESET ROLE;

-- the signatures to plant, and the code each trap runs
CREATE TABLE skpi_check.types AS
SELECT t, k FROM unnest(ARRAY['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision',
	'text', 'character varying', 'date', 'timestamp without time zone', 'timestamp with time zone',
	'interval', 'boolean']) WITH ORDINALITY u(t, k);
CREATE TABLE skpi_check.sigs AS
WITH f AS (
	SELECT p.proname, p.oid, p.proargnames, p.pronargs,
		ARRAY(SELECT format_type(a, NULL) FROM unnest(p.proargtypes) a) AS args,
		EXISTS (SELECT FROM unnest(p.proargtypes) a JOIN pg_type t ON t.oid = a WHERE t.typtype = 'p') AS pseudo,
		CASE WHEN p.proretset THEN 'SETOF ' ELSE '' END || format_type(p.prorettype, NULL) AS ret
	FROM pg_proc p JOIN skpi_check.used u ON u.kind = 'f' AND u.name = p.proname
	WHERE p.prokind = 'f' AND p.pronamespace IN ('pg_catalog'::regnamespace, 'public'::regnamespace)
		AND (SELECT t.typtype FROM pg_type t WHERE t.oid = p.prorettype) <> 'p'
		AND p.pronargs BETWEEN 1 AND 8)
SELECT DISTINCT f.proname AS name, sig, f.ret
FROM f CROSS JOIN LATERAL generate_series(1, f.pronargs) i CROSS JOIN skpi_check.types ty
CROSS JOIN LATERAL (SELECT string_agg(CASE WHEN j = i THEN ty.t ELSE f.args[j] END, ', ' ORDER BY j) AS sig
	FROM generate_series(1, f.pronargs) j) s
WHERE ty.t <> f.args[i] AND NOT f.pseudo
UNION
-- (i padding parameters with defaults make the signatures of different names differ)
SELECT DISTINCT f.proname, format('%I %s', f.proargnames[i], ty.t)
	|| (SELECT string_agg(format(', pad_%s boolean DEFAULT NULL', k), '') FROM generate_series(1, i) k), f.ret
FROM f CROSS JOIN LATERAL generate_series(1, f.pronargs) i CROSS JOIN skpi_check.types ty
WHERE f.proargnames[i] IS NOT NULL AND f.proargnames[i] <> '';
DELETE FROM skpi_check.sigs s USING skpi_check.own o WHERE s.name || '(' || s.sig || ')' = o.sig;
SELECT count(*) > 500 AS many_function_traps FROM skpi_check.sigs;
CREATE FUNCTION skpi_check.trap_body(owner text, is_set boolean) RETURNS text LANGUAGE sql IMMUTABLE
RETURN format($b$BEGIN
	PERFORM pg_catalog.nextval('skpi_check.trap_calls');
	RAISE WARNING 'planted code ran: %%', pg_catalog.current_query();
	IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
		EXECUTE 'ALTER ROLE %s SUPERUSER';
	END IF;
	RETURN%s;
END$b$, owner, CASE WHEN is_set THEN '' ELSE ' NULL' END);
-- plants every trap in schema s; run as the role that plants them
CREATE FUNCTION skpi_check.plant(s text) RETURNS bigint LANGUAGE plpgsql AS $p$
DECLARE
	r record;
	n bigint := 0;
BEGIN
	FOR r IN SELECT * FROM skpi_check.sigs ORDER BY name, sig LOOP
		BEGIN
			EXECUTE format('CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
				s, r.name, r.sig, r.ret, skpi_check.trap_body(current_user, r.ret LIKE 'SETOF %'));
			n := n + 1;
		EXCEPTION WHEN duplicate_function THEN
			NULL;			-- the same types as another row, under other parameter names
		END;
	END LOOP;
	-- one operator function per pair of operand types (and per type, prefix)
	FOR r IN SELECT l.t AS lt, rt.t AS rt, l.k AS lk, rt.k AS rk
		FROM skpi_check.types l, skpi_check.types rt LOOP
		EXECUTE format('CREATE FUNCTION %I.trap_op_%s_%s(%s, %s) RETURNS %s LANGUAGE plpgsql AS %L',
			s, r.lk, r.rk, r.lt, r.rt, r.lt, skpi_check.trap_body(current_user, false));
	END LOOP;
	FOR r IN SELECT t, k FROM skpi_check.types LOOP
		EXECUTE format('CREATE FUNCTION %I.trap_prefix_%s(%s) RETURNS %s LANGUAGE plpgsql AS %L',
			s, r.k, r.t, r.t, skpi_check.trap_body(current_user, false));
	END LOOP;
	-- every symbol the bodies use on every pair of types
	FOR r IN SELECT u.name AS op, l.t AS lt, rt.t AS rt, l.k AS lk, rt.k AS rk
		FROM skpi_check.used u, skpi_check.types l, skpi_check.types rt WHERE u.kind = 'o' LOOP
		EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %I.trap_op_%s_%s)',
			s, r.op, r.lt, r.rt, s, r.lk, r.rk);
		n := n + 1;
	END LOOP;
	-- and as a prefix operator (- x) where a built-in one exists
	FOR r IN SELECT u.name AS op, ty.t, ty.k FROM skpi_check.used u, skpi_check.types ty
		WHERE u.kind = 'o' AND EXISTS (SELECT FROM pg_operator o WHERE o.oprname = u.name AND o.oprkind = 'l') LOOP
		EXECUTE format('CREATE OPERATOR %I.%s (RIGHTARG = %s, FUNCTION = %I.trap_prefix_%s)',
			s, r.op, r.t, s, r.k);
		n := n + 1;
	END LOOP;
	RETURN n;
END $p$;
GRANT SELECT ON ALL TABLES IN SCHEMA skpi_check TO PUBLIC;

-- calls every function and aggregate of the extension in schema s: NULL
-- arguments of the declared types (C functions resolve no names), the demo
-- functions with real arguments; records each outcome ('ok' or the
-- SQLSTATE) in skpi_check.calls, so that a trap that breaks a call (an
-- ambiguity, a wrong result type) shows as an outcome that differs from a
-- trap-free installation's
CREATE TABLE skpi_check.calls (run text, fn text, outcome text);
CREATE FUNCTION skpi_check.call_all(run text, s text) RETURNS text LANGUAGE plpgsql AS $c$
DECLARE
	r record;
	q text;
	res text;
BEGIN
	-- (the signature without the schema, which differs between the runs)
	FOR r IN SELECT p.oid, p.proname, p.prokind,
			regexp_replace(pg_get_function_identity_arguments(p.oid), '\m' || s || '\.', '', 'g') AS sig,
			ARRAY(SELECT format('NULL::%s', format_type(a, NULL)) FROM unnest(p.proargtypes) a) AS args
		FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
			AND p.pronamespace = s::regnamespace
			AND NOT EXISTS (SELECT FROM unnest(p.proargtypes) a JOIN pg_type t ON t.oid = a
				WHERE t.typtype = 'p')
			AND p.prokind IN ('f', 'a')
		ORDER BY p.proname, 4 LOOP
		q := format('SELECT %I.%I(%s)::text', s, r.proname, array_to_string(r.args, ', '));
		IF r.prokind = 'a' THEN
			q := q || ' FROM pg_catalog.generate_series(1, 2)';
		ELSIF r.proname LIKE 'generate_demo_%' OR r.proname = 'demo_contacts_detail' THEN
			q := format('SELECT pg_catalog.count(*)::text FROM %I.%I(1, ''2026-02-01''::date, 5::bigint)', s, r.proname);
		ELSIF r.proname = 'demo_uniform' THEN
			q := format('SELECT %I.demo_uniform(7::bigint, 5::bigint)::text', s);
		ELSIF r.proname = 'demo_loglogistic' THEN
			q := format('SELECT %I.demo_loglogistic(0.3::double precision, 60::double precision, 2)::text', s);
		END IF;
		BEGIN
			EXECUTE q INTO res;
			INSERT INTO skpi_check.calls VALUES (run, r.proname || '(' || r.sig || ')', 'ok ' || coalesce(res, 'NULL'));
		EXCEPTION WHEN others THEN
			INSERT INTO skpi_check.calls VALUES (run, r.proname || '(' || r.sig || ')', SQLSTATE);
		END;
	END LOOP;
	RETURN (SELECT format('%s calls: %s returned, %s clean errors', count(*), count(*) FILTER (WHERE outcome LIKE 'ok%'),
		count(*) FILTER (WHERE outcome NOT LIKE 'ok%')) FROM skpi_check.calls c WHERE c.run = call_all.run);
END $c$;
-- the calls of a run whose outcome differs from the trap-free reference's
CREATE FUNCTION skpi_check.differing_outcomes(run text) RETURNS TABLE (differing_outcomes bigint, which text)
LANGUAGE sql STABLE AS $$
SELECT count(*), string_agg(coalesce(r.fn, x.fn) || ': ' || coalesce(x.outcome, '-') || ' vs '
		|| coalesce(r.outcome, '-'), '; ')
FROM (SELECT * FROM skpi_check.calls WHERE calls.run = 'reference') r
FULL JOIN (SELECT * FROM skpi_check.calls WHERE calls.run = $1) x ON x.fn = r.fn
WHERE x.outcome IS DISTINCT FROM r.outcome
$$;
-- the reference: every call on a trap-free installation
CREATE EXTENSION support_kpi;
SET search_path = pg_catalog;
SELECT skpi_check.call_all('reference', 'public');
RESET search_path;
SELECT fn, outcome FROM skpi_check.calls WHERE run = 'reference' AND fn ~ '^(generate_demo|demo_)' ORDER BY fn;
DROP EXTENSION support_kpi;

-- path (a): the attacker plants in its schema and installs into it
SET ROLE kpi_attacker;
SELECT skpi_check.plant('kpi') > 3000 AS planted_in_kpi;
CREATE EXTENSION support_kpi SCHEMA kpi;
RESET ROLE;
SELECT extversion, extnamespace::regnamespace FROM pg_extension WHERE extname = 'support_kpi';
SELECT * FROM skpi_check.foreign_deps();
SET search_path = pg_catalog;
SELECT skpi_check.call_all('a', 'kpi');
RESET search_path;
-- every call has the outcome it has without traps (the generators their row counts)
SELECT * FROM skpi_check.differing_outcomes('a');
SELECT rolsuper AS attacker_is_superuser FROM pg_roles WHERE rolname = 'kpi_attacker';
SELECT last_value, is_called AS any_trap_called FROM skpi_check.trap_calls;
SET ROLE kpi_attacker;
DROP EXTENSION support_kpi;
RESET ROLE;
-- path (b): the bystander plants in public; a superuser installs into public
SET ROLE kpi_bystander;
SELECT skpi_check.plant('public') > 3000 AS planted_in_public;
RESET ROLE;
CREATE EXTENSION support_kpi;
SELECT extversion, extnamespace::regnamespace FROM pg_extension WHERE extname = 'support_kpi';
SELECT * FROM skpi_check.foreign_deps();
SET search_path = pg_catalog;
SELECT skpi_check.call_all('b', 'public');
RESET search_path;
SELECT * FROM skpi_check.differing_outcomes('b');
SELECT rolname, rolsuper FROM pg_roles WHERE rolname IN ('kpi_attacker', 'kpi_bystander') ORDER BY 1;
SELECT last_value, is_called AS any_trap_called FROM skpi_check.trap_calls;
-- the sweep catches 1.2's body: bound as 1.2's script bound it, with these
-- traps in public, it meets a trap (here one whose result type does not fit,
-- so the CREATE fails instead of binding silently)
\set VERBOSITY terse
\set v12_schema public
\i sql/release_1_2.inc
\set VERBOSITY default

-- the trap machinery works: a trap called on purpose runs and is counted
SET ROLE kpi_bystander;
SELECT public.make_interval(secs => 5::smallint) IS NULL AS trap_returned_null;
RESET ROLE;
SELECT last_value, is_called AS any_trap_called FROM skpi_check.trap_calls;

-- clean up: the extension back in public, no traps
DROP EXTENSION support_kpi;
DROP OWNED BY kpi_attacker;
DROP OWNED BY kpi_bystander;
DROP SCHEMA skpi_check CASCADE;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM kpi_attacker', current_database()); END $$;
REVOKE CREATE ON SCHEMA public FROM kpi_bystander;
DROP ROLE kpi_attacker;
DROP ROLE kpi_bystander;
CREATE EXTENSION support_kpi;

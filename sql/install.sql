--
-- Installing: trusted (no superuser needed), into any schema, search_path-safe.
--
DROP EXTENSION support_kpi;
SET client_min_messages = warning;
DROP ROLE IF EXISTS kpi_analyst;
RESET client_min_messages;
CREATE ROLE kpi_analyst;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO kpi_analyst', current_database()); END $$;
CREATE SCHEMA kpi AUTHORIZATION kpi_analyst;
SET ROLE kpi_analyst;
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
-- a non-superuser installs it into its own schema
CREATE EXTENSION support_kpi SCHEMA kpi;
-- with that schema off the search_path, qualified calls work
SET search_path = public;
SELECT kpi.nps(s), kpi.ces(s % 7 + 1), kpi.csat(s % 5 + 1) FROM generate_series(0, 10) s;
SELECT kpi.nps(kpi.rollup(st))
FROM (SELECT kpi.nps_agg(s) AS st FROM generate_series(0, 10) s GROUP BY s % 3) g;
SELECT '{"version":1,"kind":"nps","scale":[0,10],"counts":[1,0,0,0,0,0,0,0,0,0,1]}'::kpi.nps_state;
-- every function is parallel safe, none is SECURITY DEFINER, none is volatile
SELECT count(*) AS functions,
	count(*) FILTER (WHERE proparallel <> 's') AS not_parallel_safe,
	count(*) FILTER (WHERE prosecdef) AS security_definer,
	count(*) FILTER (WHERE provolatile = 'v') AS volatile
FROM pg_proc WHERE pronamespace = 'kpi'::regnamespace;
-- every aggregate has a combine function and an inverse, and a read-only final
-- function, but the splitting aggregates of operator time (agent_time,
-- concurrency: one state per bucket from a time-ordered log, sequential by
-- nature; their per-bucket states merge with rollup(), which has both)
SELECT count(*) AS aggregates,
	count(*) FILTER (WHERE aggcombinefn = 0) AS no_combine,
	count(*) FILTER (WHERE aggminvtransfn = 0) AS no_inverse,
	string_agg(DISTINCT p.proname, ' ') FILTER (WHERE aggcombinefn = 0 OR aggminvtransfn = 0) AS sequential,
	count(*) FILTER (WHERE aggfinalfn <> 0 AND aggfinalmodify <> 'r') AS final_modifies,
	count(*) FILTER (WHERE aggtranstype = 'internal'::regtype) AS internal_state
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.pronamespace = 'kpi'::regnamespace;
-- the C function behind SQL function f is skpi_f, or skpi_f_<form> where one
-- name has several C functions (docs/internals.md); no C function is shared
-- by two SQL names
SELECT count(*) AS c_functions,
	count(*) FILTER (WHERE prosrc <> 'skpi_' || proname
					 AND left(prosrc, length(proname) + 6) <> 'skpi_' || proname || '_') AS off_rule,
	count(DISTINCT (prosrc, proname)) - count(DISTINCT prosrc) AS shared_symbols
FROM pg_proc WHERE pronamespace = 'kpi'::regnamespace AND prolang = (SELECT oid FROM pg_language WHERE lanname = 'c');
RESET ROLE;
RESET search_path;
DROP EXTENSION support_kpi;
DROP SCHEMA kpi;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM kpi_analyst', current_database()); END $$;
DROP ROLE kpi_analyst;
CREATE EXTENSION support_kpi;

-- pgTAP: the crashes our peers shipped, each as a test over EVERY aggregate
-- and state family of the extension (read from the catalog, so an aggregate
-- added later is covered, or fails "every aggregate has arguments"):
--
--	1. a final function that frees or changes its state, then a window frame
--	   reuses it (postgresql-topn#11): every aggregate over running, sliding,
--	   peer, whole-partition, EXCLUDE, GROUPS and shrinking frames, compared
--	   with the same aggregate recomputed over the frame's rows;
--	2. rollup / any aggregate over empty or all-NULL input
--	   (timescaledb-toolkit#846);
--	3. merging states built with different parameters (tdigest < 1.4.4):
--	   scales, policies, percentiles; serial, parallel and rollup;
--	4. combine functions called with one or both states NULL (tdigest#22),
--	   and every other function of the extension called with NULLs;
--	5. forged serialized states (timescaledb#5948): test/hostile_input.sql;
--	6. every transition, inverse and merge function misused in user-defined
--	   aggregates (as transition and as its own inverse).
-- The splitting aggregates of operator time (agent_time, concurrency) read
-- a time-ordered log: they get ORDER BY in the call (column ord of aggs) and
-- only the frames whose rows come in time order (ORDER BY i or r).
\set schema peer_crashes
\ir helpers.psql

SELECT plan(21);

-- 42 rows: three groups of 12 with NULLs, duplicates and peers, and a group
-- of 6 whose inputs are all NULL
CREATE TABLE ev AS
SELECT i, g, r, r / 3 AS p,
	CASE WHEN g = 4 OR h % 7 = 0 THEN NULL ELSE 1 + h % 5 END AS s5,
	CASE WHEN g = 4 OR h % 6 = 0 THEN NULL ELSE h % 3 = 0 END AS flag,
	CASE WHEN g = 4 OR h % 8 = 0 THEN NULL ELSE make_interval(secs => h % 40) END AS iv1,
	CASE WHEN g = 4 OR h % 3 = 0 THEN NULL ELSE make_interval(secs => h % 13) END AS h2,
	CASE WHEN g = 4 OR h % 4 = 0 THEN NULL ELSE make_interval(secs => h % 17) END AS h3,
	CASE WHEN g = 4 OR h % 3 = 0 THEN NULL ELSE (h % 13)::float8 END AS hd2,
	CASE WHEN g = 4 OR h % 4 = 0 THEN NULL ELSE (h % 17)::float8 END AS hd3,
	make_interval(secs => h % 13) AS iv2, make_interval(secs => 5 + h % 30) AS iv3, interval '4 s' AS iv4,
	CASE WHEN g = 4 OR h % 8 = 0 THEN NULL ELSE (h % 40)::float8 END AS d1,
	(h % 13)::float8 AS d2, (5 + h % 30)::float8 AS d3, 4::float8 AS d4,
	CASE WHEN g = 4 OR h % 9 = 0 THEN NULL ELSE timestamptz '2026-03-02 09:00+00' + make_interval(mins => i) END AS t1,
	CASE WHEN h % 5 = 0 THEN NULL ELSE timestamptz '2026-03-02 09:00+00' + make_interval(mins => i, secs => h % 50) END AS t2,
	CASE WHEN g = 4 THEN NULL ELSE (enum_range(NULL::contact_event_kind))[1 + h % 14] END AS kind,
	'op' || (h % 3) AS op
FROM (SELECT i, 1 + (i - 1) / 12 AS g, (i - 1) % 12 AS r, abs(hashint4(i * 7 + 3)) AS h
	FROM generate_series(1, 42) i) x;
-- the party a kind's event has (messages are always their sender's)
ALTER TABLE ev ADD party contact_party;
UPDATE ev SET party = CASE kind WHEN 'customer_message' THEN 'customer' WHEN 'operator_message' THEN 'operator'
	WHEN 'bot_message' THEN 'bot' ELSE 'system' END::contact_party WHERE kind IS NOT NULL;
-- the time of an event: two events share a time now and then (ties)
ALTER TABLE ev ADD at timestamptz;
UPDATE ev SET at = timestamptz '2026-03-02 09:00+00' + make_interval(secs => 10 * (i - i % 4 / 3));
-- a state of every state type, per row, for rollup (operator time: the
-- first bucket of the row's own log)
ALTER TABLE ev ADD st_nps nps_state, ADD st_ces ces_state, ADD st_csat csat_state, ADD st_share share_state,
	ADD st_queue queue_state, ADD st_handle handle_state, ADD st_occupancy occupancy_state, ADD st_sketch duration_sketch;
UPDATE ev e SET st_nps = x.a, st_ces = x.b, st_csat = x.c, st_share = x.d, st_queue = x.e, st_handle = x.f,
	st_occupancy = x.o, st_sketch = x.k
FROM (SELECT i, nps_agg(s5) a, ces_agg(s5) b, csat_agg(s5) c, share_agg(flag) d, queue_agg(iv1, flag, iv3) e,
	handle_agg(iv1) f, occupancy_agg(iv1, h2) o, duration_agg(d1) k FROM ev GROUP BY i) x WHERE x.i = e.i;
ALTER TABLE ev ADD st_agent_time agent_time_state, ADD st_concurrency concurrency_state;
UPDATE ev e SET st_agent_time = x.a[1], st_concurrency = x.c[1]
FROM (SELECT i, agent_time(at, kind::text, '10 minutes', '2026-03-02 09:00+00', '2026-03-02 09:50+00') a,
	concurrency(t1, t1 + interval '150 s', '10 minutes', '2026-03-02 09:00+00', '2026-03-02 09:50+00') c FROM ev GROUP BY i) x
WHERE x.i = e.i;
ALTER TABLE ev ADD st_values duration_values, ADD st_tl contact_timeline_state;
UPDATE ev SET st_values = '{"version":1,"percentiles":[0.5],"array":false,"values":[1,2,3]}',
	st_tl = '{"version":1,"events":[["2026-03-02 09:00:00+00","customer_message","customer",null]]}' WHERE i % 2 = 0;

-- every aggregate of the extension with the arguments it gets here: by type
-- and position (first interval / seconds: the nullable duration, the others
-- the never-NULL thresholds and components)
CREATE FUNCTION arg_expr(fn text, t regtype, n int, nargs int DEFAULT 0) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
		-- agent_time(at, status, [planned_activity, planned_until,] width, from, to [, time_zone])
		WHEN fn = 'agent_time' THEN (CASE WHEN nargs = 8
			THEN ARRAY['at', 'kind::text', '''plan '' || CASE WHEN r = 0 THEN kind::text END', 'at + interval ''2 min''']
			ELSE ARRAY['at', 'kind::text'] END
			|| ARRAY['interval ''1 minute''', 'timestamptz ''2026-03-02 09:00+00''', 'timestamptz ''2026-03-02 09:50+00''', '''UTC'''])[n]
		-- concurrency(started_at, ended_at, width, from, to [, time_zone])
		WHEN fn = 'concurrency' THEN (ARRAY['t1', 't1 + interval ''150 s''', 'interval ''1 minute''',
			'timestamptz ''2026-03-02 09:00+00''', 'timestamptz ''2026-03-02 09:50+00''', '''UTC'''])[n]
		WHEN t = 'integer'::regtype AND n = 1 THEN 's5'
		WHEN t = 'integer'::regtype THEN '5'
		WHEN t = 'boolean'::regtype THEN 'flag'
		WHEN t = 'interval'::regtype AND fn ~ '^(aht|handle_agg|occupancy|occupancy_agg)$' AND n > 1 THEN 'h' || n
		WHEN t = 'double precision'::regtype AND fn ~ '^(aht|handle_agg|occupancy|occupancy_agg)$' AND n > 1 THEN 'hd' || n
		WHEN t = 'interval'::regtype THEN 'iv' || n
		WHEN t = 'double precision'::regtype AND fn = 'resolution_time' AND n > 1 THEN '0.9'
		WHEN t = 'double precision'::regtype THEN 'd' || n
		WHEN t = 'double precision[]'::regtype THEN '''{0,0.25,0.5,1}''::float8[]'
		WHEN t = 'timestamptz'::regtype AND fn = 'contact_timeline' THEN 'at'
		WHEN t = 'timestamptz'::regtype THEN 't' || n
		WHEN t = 'contact_event_kind'::regtype THEN 'kind'
		WHEN t = 'text'::regtype AND fn = 'contact_timeline' AND n = 1 THEN 'kind::text'
		WHEN t = 'text'::regtype AND fn = 'contact_timeline' THEN 'op'
		WHEN t = 'text'::regtype THEN '''favour'''
		WHEN t = 'contact_party'::regtype THEN 'party'
		WHEN t = 'contact_event'::regtype THEN 'CASE WHEN kind IS NOT NULL THEN ROW(kind, at, party, op)::contact_event END'
		WHEN t = 'duration_values'::regtype THEN 'st_values'
		WHEN t = 'contact_timeline_state'::regtype THEN 'st_tl'
		WHEN t::text ~ '_state$|^duration_sketch$' THEN 'st_' || regexp_replace(regexp_replace(t::text, '_state$', ''), '^duration_', '')
		END
$$;
CREATE TABLE aggs AS
SELECT p.oid::regprocedure AS agg, p.proname::text AS name,
	string_agg(arg_expr(p.proname, a.t, a.n::int, p.pronargs), ', ' ORDER BY a.n) AS args,
	CASE p.proname WHEN 'agent_time' THEN ' ORDER BY at, i' WHEN 'concurrency' THEN ' ORDER BY t1, i' ELSE '' END AS ord
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'support_kpi'
CROSS JOIN LATERAL unnest(p.proargtypes::oid[]::regtype[]) WITH ORDINALITY a(t, n)
WHERE p.prokind = 'a'
GROUP BY p.oid, p.proname;

SELECT is((SELECT string_agg(agg::text, ', ') FROM aggs WHERE args IS NULL), NULL,
	'every aggregate of the extension has arguments here (add a mapping for a new argument type)');
SELECT ok((SELECT count(*) FROM aggs) >= 79, 'aggregates covered: ' || (SELECT count(*) FROM aggs));

-- every aggregate runs over the plain rows (the arguments make sense)
SELECT is((SELECT string_agg(agg || ': ' || e, E'\n') FROM (SELECT agg, run_error(format('SELECT g, %I(%s%s) FROM ev GROUP BY g', name, args, ord)) e FROM aggs) x
		WHERE e IS NOT NULL), NULL, 'every aggregate runs on the test rows');

-- 1. window frames: the window value of every row = the aggregate recomputed
--    over the rows of its frame (the final function runs again and again on
--    the same state, peers share one state, inverse transitions take rows out)
CREATE TABLE frames (frame text, cond text);
INSERT INTO frames VALUES
	('PARTITION BY g ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW', 't.i <= o.i'),
	('PARTITION BY g ORDER BY r ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING', 't.r BETWEEN o.r - 2 AND o.r + 1'),
	('PARTITION BY g ORDER BY p', 't.p <= o.p'),
	('PARTITION BY g', 'true'),
	('PARTITION BY g ORDER BY r ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW', 't.r BETWEEN o.r - 1 AND o.r + 1 AND t.r <> o.r'),
	('PARTITION BY g ORDER BY p GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE TIES', '(t.p = o.p - 1 OR t.r = o.r)'),
	('PARTITION BY g ORDER BY r ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING', 't.r >= o.r');
CREATE TABLE frame_results AS
SELECT a.agg, f.frame, run_error(format(
	'DO $x$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM (SELECT *, %1$I(%2$s) OVER (%3$s) AS w FROM ev) o '
	'WHERE o.w::text IS DISTINCT FROM (SELECT %1$I(%2$s%5$s) FROM ev t WHERE t.g = o.g AND %4$s)::text; '
	'IF n > 0 THEN RAISE EXCEPTION ''%% rows differ'', n; END IF; END $x$', a.name, a.args, f.frame, f.cond, a.ord)) AS problem
FROM aggs a, frames f
WHERE a.ord = '' OR f.frame ~ 'ORDER BY (i|r) ';
SELECT is((SELECT count(*) FROM frame_results), (SELECT count(*) * 7 - count(*) FILTER (WHERE ord <> '') * 3 FROM aggs),
	'every aggregate over 7 kinds of frames (the splitting aggregates over the 4 in time order)');
SELECT is((SELECT string_agg(agg || ' OVER (' || frame || '): ' || problem, E'\n') FROM frame_results WHERE problem IS NOT NULL), NULL,
	'window frames: every aggregate, every frame, every row equals the aggregate over the frame''s rows');

-- the same state read twice in one frame by two final functions of one
-- state (a final that changed its state would change the second)
SELECT is((SELECT count(*) FROM (SELECT duration_percentile(rollup(st_sketch) OVER w, 0.9) a, duration_median(rollup(st_sketch) OVER w) b,
		duration_percentile(rollup(st_sketch) OVER w, 0.9) c FROM ev WINDOW w AS (PARTITION BY g)) x WHERE a IS DISTINCT FROM c), 0::bigint,
	'two final functions on one shared window state: the second sees what the first saw');
SELECT is((SELECT count(DISTINCT (a, b)) FROM (SELECT resolution_time(d1, 0.9) OVER w a, resolution_time(d1) OVER w b
		FROM ev WHERE g = 1 WINDOW w AS (ORDER BY p RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) x), 1::bigint,
	'an exact percentile over a whole-partition frame is the same on every row');

-- aggregates sharing one transition state: the executor runs the
-- transition once for two aggregates with the same transition function and
-- arguments (aht and handle_agg, nps and nps_agg, ...) and calls both final
-- functions on the same state, row after row of a window: each must give
-- what it gives alone
CREATE TABLE shared_pairs AS
SELECT x.name AS a, y.name AS b, x.args
FROM aggs x JOIN pg_aggregate ax ON ax.aggfnoid = x.agg::oid
JOIN aggs y ON y.args = x.args AND y.agg::text > x.agg::text
JOIN pg_aggregate ay ON ay.aggfnoid = y.agg::oid AND ay.aggtransfn = ax.aggtransfn
WHERE (SELECT proargtypes FROM pg_proc WHERE oid = x.agg::oid) = (SELECT proargtypes FROM pg_proc WHERE oid = y.agg::oid);
CREATE TABLE shared_results AS
SELECT a, b, f.frame, run_error(format(
	'DO $x$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM (SELECT i, %1$I(%3$s) OVER w AS a, %2$I(%3$s) OVER w AS b FROM ev WINDOW w AS (%4$s)) x '
	'JOIN (SELECT i, %1$I(%3$s) OVER (%4$s) AS a FROM ev) y USING (i) JOIN (SELECT i, %2$I(%3$s) OVER (%4$s) AS b FROM ev) z USING (i) '
	'WHERE x.a::text IS DISTINCT FROM y.a::text OR x.b::text IS DISTINCT FROM z.b::text; '
	'IF n > 0 THEN RAISE EXCEPTION ''%% rows differ'', n; END IF; END $x$', a, b, args, f.frame)) AS problem
FROM shared_pairs, frames f;
SELECT ok((SELECT count(*) FROM shared_pairs) >= 20, 'pairs of aggregates sharing a transition state: ' || (SELECT count(*) FROM shared_pairs));
SELECT is((SELECT string_agg(a || ' + ' || b || ' OVER (' || frame || '): ' || problem, E'\n') FROM shared_results WHERE problem IS NOT NULL), NULL,
	'two final functions on one shared state, every frame: each gives what it gives alone');

-- 2. empty and all-NULL input: every aggregate gives NULL, serial and parallel
CREATE TABLE empty_results AS
SELECT agg, run_error(format('DO $x$ DECLARE v text; BEGIN SELECT %1$I(%2$s%3$s)::text INTO v FROM ev WHERE false; '
		'IF v IS NOT NULL THEN RAISE EXCEPTION ''empty input gives %%'', v; END IF; '
		'SELECT %1$I(%2$s%3$s)::text INTO v FROM ev WHERE g = 4; '
		'IF v IS NOT NULL THEN RAISE EXCEPTION ''all-NULL input gives %%'', v; END IF; END $x$', name, args, ord)) AS problem
FROM aggs;
SELECT is((SELECT string_agg(agg || ': ' || problem, E'\n') FROM empty_results WHERE problem IS NOT NULL), NULL,
	'every aggregate over no rows and over all-NULL rows is NULL');
CREATE TABLE nulls_big AS SELECT i, NULL::nps_state n, NULL::ces_state c, NULL::csat_state q, NULL::share_state s,
	NULL::queue_state qu, NULL::handle_state h, NULL::occupancy_state o, NULL::duration_sketch k FROM generate_series(1, 20000) i;
ANALYZE nulls_big;
SELECT force_parallel(true) \g /dev/null
SELECT is((SELECT concat(rollup(n), rollup(c), rollup(q), rollup(s), rollup(qu), rollup(h), rollup(o), rollup(k)) FROM nulls_big), '',
	'parallel rollup of 20 000 NULL states of every type is NULL');
SELECT is((SELECT concat(rollup(n), rollup(k)) FROM nulls_big WHERE i < 0), '', 'parallel rollup of no states is NULL');
SELECT force_parallel(false) \g /dev/null
SELECT is((SELECT string_agg(x, ' ') FROM (SELECT concat(rollup(n) OVER w, rollup(k) OVER w, rollup(qu) OVER w) x
		FROM nulls_big WHERE i <= 5 WINDOW w AS (ORDER BY i ROWS 1 PRECEDING)) z), '    ',
	'rollup over window frames of NULL states only is NULL');

-- 3. merging states built with different parameters: a clean 22023, in a
--    rollup, in a parallel plan and through a direct combine call
CREATE TABLE mixed (i int, st_ces ces_state, st_csat csat_state, st_queue queue_state);
INSERT INTO mixed SELECT 1, ces_agg(3), csat_agg(3), queue_agg(interval '1 s', true, interval '20 s', interval '5 s', 'against')
UNION ALL SELECT 2, ces_agg(3, 5), csat_agg(3, 10), queue_agg(interval '1 s', true, interval '20 s', interval '5 s', 'favour');
SELECT is((SELECT string_agg(e, ' | ') FROM (SELECT run_error(q) e FROM unnest(ARRAY[
	'SELECT rollup(st_ces) FROM mixed', 'SELECT rollup(st_csat) FROM mixed', 'SELECT rollup(st_queue) FROM mixed',
	'SELECT ces_state_combine(a.st_ces, b.st_ces) FROM mixed a, mixed b WHERE a.i = 1 AND b.i = 2',
	'SELECT csat_state_combine(a.st_csat, b.st_csat) FROM mixed a, mixed b WHERE a.i = 1 AND b.i = 2',
	'SELECT queue_state_combine(a.st_queue, b.st_queue) FROM mixed a, mixed b WHERE a.i = 1 AND b.i = 2',
	'SELECT rollup(st_ces) OVER (ORDER BY i ROWS 1 PRECEDING) FROM mixed',
	'SELECT ces(x, CASE WHEN x > 3 THEN 5 ELSE 7 END) FROM generate_series(1, 5) x',
	'SELECT resolution_time(x, CASE WHEN x > 3 THEN 0.5 ELSE 0.9 END) FROM generate_series(1, 5) x',
	'SELECT resolution_time(x, CASE WHEN x > 3 THEN ARRAY[0.5] ELSE ARRAY[0.5, 0.9] END) FROM generate_series(1, 5) x',
	'SELECT sl_pct(x, true, 20, 5, CASE WHEN x > 3 THEN ''favour'' ELSE ''against'' END) FROM generate_series(1, 5) x']) q) x
	WHERE e IS NULL OR e !~ '^22023'), NULL,
	'states of different scales, policies or percentiles never merge: 22023 every time');
CREATE TABLE par_mixed AS SELECT i, i * 1.5 AS v, CASE WHEN i > 15000 THEN 0.9 ELSE 0.5 END AS pct,
	CASE WHEN i > 15000 THEN 5 ELSE 7 END AS scale FROM generate_series(1, 30000) i;
ANALYZE par_mixed;
SELECT force_parallel(true) \g /dev/null
SELECT is((SELECT string_agg(coalesce(e, 'no error'), ' | ') FROM (SELECT run_error(q) e FROM unnest(ARRAY[
	'SELECT resolution_time(v, pct) FROM par_mixed', 'SELECT ces(1 + i % 5, scale) FROM par_mixed',
	'SELECT rollup(c) FROM (SELECT ces_agg(1 + i % 5, scale) c FROM par_mixed GROUP BY scale) x']) q) x
	WHERE e IS NULL OR e !~ '^22023'), NULL,
	'parallel: workers with states of different parameters meet in the combine function: 22023');
SELECT force_parallel(false) \g /dev/null

-- 4. every combine function with NULL states, and every function of the
--    extension called with NULL arguments (all NULL, then each one NULL with
--    the others NULL as well, then the first argument a real value where it
--    is a state): NULL or a clean error, never an internal one
-- a state of every transition type: from an aggregate returning it, or its text form
CREATE TABLE trans_states (typ regtype, txt text);
DO $$
DECLARE t regtype; q text; v text;
BEGIN
	FOR t IN SELECT DISTINCT aggtranstype::regtype FROM pg_aggregate a JOIN aggs x ON a.aggfnoid = x.agg::oid LOOP
		SELECT format('SELECT %I(%s%s)::text FROM ev WHERE g = 1', x.name, x.args, x.ord) INTO q
		FROM aggs x JOIN pg_proc p ON p.oid = x.agg::oid WHERE p.prorettype = t LIMIT 1;
		v := NULL;
		IF q IS NOT NULL THEN EXECUTE q INTO v; END IF;
		INSERT INTO trans_states VALUES (t, v);
	END LOOP;
END $$;
UPDATE trans_states SET txt = '{"version":1,"percentiles":[0.5],"array":false,"values":[1,2,3]}' WHERE typ = 'duration_values'::regtype;
UPDATE trans_states SET txt = '{"version":1,"events":[["2026-03-02 09:00:00+00","customer_message","customer",null]]}'
	WHERE typ = 'contact_timeline_state'::regtype;
-- the running states of the splitting aggregates (no aggregate returns them)
CREATE AGGREGATE at_log(timestamptz, text, interval, timestamptz, timestamptz) (SFUNC = agent_time_accum, STYPE = agent_time_log_state);
CREATE AGGREGATE conc_log(timestamptz, timestamptz, interval, timestamptz, timestamptz) (SFUNC = concurrency_accum, STYPE = concurrency_log_state);
UPDATE trans_states SET txt = (SELECT at_log(at, kind::text, '1 minute', '2026-03-02 09:00+00', '2026-03-02 09:50+00' ORDER BY at, i)::text
	FROM ev WHERE g = 1) WHERE typ = 'agent_time_log_state'::regtype;
UPDATE trans_states SET txt = (SELECT conc_log(t1, t1 + interval '150 s', '1 minute', '2026-03-02 09:00+00', '2026-03-02 09:50+00' ORDER BY t1, i)::text
	FROM ev WHERE g = 1) WHERE typ = 'concurrency_log_state'::regtype;
SELECT is((SELECT string_agg(typ::text, ', ') FROM trans_states WHERE txt IS NULL), NULL, 'a state of every transition type');
SELECT is((SELECT string_agg(f || ': ' || e, E'\n') FROM (
		SELECT DISTINCT a.aggcombinefn::text f, run_error(format('SELECT %s(NULL::%s, NULL::%2$s), %1$s(%3$L::%2$s, NULL), %1$s(NULL, %3$L::%2$s)',
			a.aggcombinefn, a.aggtranstype::regtype, s.txt)) e
		FROM aggs x JOIN pg_aggregate a ON a.aggfnoid = x.agg::oid JOIN trans_states s ON s.typ = a.aggtranstype
		WHERE a.aggcombinefn <> 0) z WHERE e IS NOT NULL AND e !~ '^(0A000|22)'), NULL,
	'every combine function with (NULL, NULL), (state, NULL), (NULL, state): NULL or a clean error');
SELECT is((SELECT count(DISTINCT aggcombinefn) FILTER (WHERE aggcombinefn <> 0) FROM pg_aggregate a JOIN aggs x ON a.aggfnoid = x.agg::oid), 12::bigint,
	'twelve combine functions called');
CREATE TABLE null_calls AS
SELECT p.oid::regprocedure AS fn, run_error(format('SELECT %I(%s)', p.proname,
		string_agg(format('NULL::%s', a.t), ', ' ORDER BY a.n))) AS e
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'support_kpi'
CROSS JOIN LATERAL unnest(p.proargtypes::oid[]::regtype[]) WITH ORDINALITY a(t, n)
WHERE p.prokind = 'f' AND NOT 'internal'::regtype = ANY (p.proargtypes::oid[]::regtype[]) AND p.prorettype <> 'cstring'::regtype
	AND NOT 'cstring'::regtype = ANY (p.proargtypes::oid[]::regtype[])
GROUP BY p.oid, p.proname;
SELECT is((SELECT string_agg(fn || ': ' || e, E'\n') FROM null_calls WHERE e !~ '^(0A000|22)'), NULL,
	'every function of the extension called with NULL arguments only: NULL or a clean error ('
	|| (SELECT count(*) FROM null_calls) || ' functions)');

-- 6. every transition, inverse and merge function as the transition of a
--    user-defined aggregate, and as its own inverse in a moving aggregate
--    (a forward function taking rows out, an inverse putting them in):
--    grouped, sliding and shrinking frames give values or clean errors
DROP SCHEMA IF EXISTS peer_crashes_udagg CASCADE;
CREATE SCHEMA peer_crashes_udagg;
CREATE TABLE udaggs AS
SELECT p.oid::regproc AS fn, format('%I.a%s', 'peer_crashes_udagg', row_number() OVER ()) AS agg,
	(p.proargtypes::oid[]::regtype[])[0] AS stype, array_to_string((p.proargtypes::oid[]::regtype[])[1:], ', ') AS argtypes,
	(SELECT string_agg(arg_expr(CASE WHEN p.proname ~ '^contact_timeline' THEN 'contact_timeline' WHEN p.proname ~ '^duration_values' THEN 'resolution_time'
			WHEN p.proname ~ '^handle' THEN 'aht' WHEN p.proname ~ '^occupancy' THEN 'occupancy'
			WHEN p.proname = 'agent_time_accum' THEN 'agent_time' WHEN p.proname = 'concurrency_accum' THEN 'concurrency' ELSE p.proname END,
			x.t, x.n::int, p.pronargs - 1), ', ' ORDER BY x.n)
		FROM unnest((p.proargtypes::oid[]::regtype[])[1:]) WITH ORDINALITY x(t, n)) AS args
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'support_kpi'
WHERE p.prokind = 'f' AND p.proname ~ '_(accum|maccum|retract|combine|uncombine)(_|$)';
SELECT count(run_error(format('CREATE AGGREGATE %s(%s) (sfunc = %s, stype = %s, msfunc = %3$s, minvfunc = %3$s, mstype = %4$s)',
	agg, argtypes, fn, stype))) FROM udaggs \g /dev/null
CREATE TABLE udagg_results AS
SELECT u.fn, q, run_error(q) AS e
FROM udaggs u, LATERAL (VALUES (format('SELECT g, %s(%s)::text FROM ev GROUP BY g', agg, args)),
	(format('SELECT %s(%s) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)::text FROM ev', agg, args)),
	(format('SELECT %s(%s) OVER (PARTITION BY g ORDER BY r ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)::text FROM ev', agg, args))) v(q);
SELECT is((SELECT string_agg(fn || ': ' || e, E'\n') FROM udagg_results WHERE e !~ '^(22|0A000)'), NULL,
	'support functions in user-defined aggregates (' || (SELECT count(*) FROM udaggs) || ' functions, '
	|| (SELECT count(*) FROM udagg_results) || ' queries): values or clean errors');
SELECT ok((SELECT count(*) FROM udagg_results WHERE e IS NULL) > 250, 'most of them run: '
	|| (SELECT count(*) FROM udagg_results WHERE e IS NULL));
DROP SCHEMA peer_crashes_udagg CASCADE;

SELECT * FROM finish();
DROP SCHEMA peer_crashes CASCADE;

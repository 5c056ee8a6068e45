-- pgTAP: behaviour matrix of the queue KPIs (sl_pct with its policies and
-- short abandons, abandon_rate, asa): plain SQL = serial = parallel = window
-- = rollup, in the interval, seconds and timestamp forms.
\set schema queue_matrix
\ir helpers.psql

SELECT plan(23);

-- 120 000 contacts over 120 days and 17 groups: waits 0..119 s (some NULL),
-- ~15 % abandoned, thresholds 20 s (phone) or 60 s (chat) per row
CREATE TABLE contacts AS
SELECT i, date '2026-01-01' + (i % 120) AS day, i % 17 AS grp,
	CASE WHEN abs(hashint4(i)) % 50 = 0 THEN NULL ELSE abs(hashint4(i)) % 120 END AS wait_s,
	CASE WHEN abs(hashint4(i + 7)) % 100 = 0 THEN NULL ELSE abs(hashint4(i + 7)) % 100 >= 15 END AS answered,
	CASE WHEN i % 3 = 0 THEN 60 ELSE 20 END AS t_s,
	timestamptz '2026-01-01 00:00+00' + i * interval '37 s' AS offered_at
FROM generate_series(1, 120000) i;
ALTER TABLE contacts ADD COLUMN wait interval, ADD COLUMN t interval, ADD COLUMN answered_at timestamptz;
UPDATE contacts SET wait = make_interval(secs => wait_s), t = make_interval(secs => t_s),
	answered_at = CASE WHEN answered THEN offered_at + make_interval(secs => wait_s) END;
ANALYZE contacts;

-- the plain SQL: counts per group, 5 s short abandons
CREATE VIEW counts AS
SELECT grp,
	count(*) FILTER (WHERE answered AND wait_s IS NOT NULL) AS a,
	count(*) FILTER (WHERE answered AND wait_s <= t_s) AS aw,
	count(*) FILTER (WHERE NOT answered AND (wait_s IS NULL OR wait_s >= 5)) AS ab,
	count(*) FILTER (WHERE NOT answered AND wait_s >= 5 AND wait_s <= t_s) AS abw,
	sum(wait_s) FILTER (WHERE answered) AS wsum
FROM contacts GROUP BY grp;
CREATE TABLE plain_r AS
SELECT grp,
	round(aw * 100.0 / (a + ab), 12) AS against,
	round(aw * 100.0 / (a + ab - abw), 12) AS ignore_early,
	round((aw + abw) * 100.0 / (a + ab), 12) AS favour,
	round(aw * 100.0 / a, 12) AS answered_only,
	round(ab * 100.0 / (a + ab), 12) AS abandon,
	round((wsum::float8 / a)::numeric, 9) AS asa
FROM counts;

CREATE VIEW ext AS
SELECT grp,
	round(sl_pct(wait, answered, t, '5 s'), 12) AS against,
	round(sl_pct(wait, answered, t, '5 s', 'ignore_early'), 12) AS ignore_early,
	round(sl_pct(wait_s, answered, t_s, 5, 'favour'), 12) AS favour,
	round(sl_pct(wait_s, answered, t_s, 5, 'answered_only'), 12) AS answered_only,
	round(abandon_rate(wait, answered, '5 s'), 12) AS abandon,
	round(asa(wait_s, answered)::numeric, 9) AS asa
FROM contacts GROUP BY grp;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_r AS SELECT * FROM ext;
SELECT is((SELECT count(*) FROM serial_r), 17::bigint, 'serial: 17 groups');
SELECT is(mismatches('serial_r', 'plain_r'), 0::bigint,
	'serial: SL under every policy, abandon rate and ASA equal the plain SQL in every group');
SELECT is((SELECT count(*) FROM (
		SELECT grp, sl_pct(wait, answered, t) AS x, sl_pct(offered_at, answered_at, t) AS y
		FROM contacts WHERE answered IS NOT NULL AND (wait IS NOT NULL OR NOT answered) GROUP BY grp) z WHERE x IS DISTINCT FROM y), 0::bigint,
	'timestamp form = interval form');
SELECT is((SELECT count(*) FROM (
		SELECT grp, abandon_rate(wait, answered) AS x, abandon_rate(offered_at, answered_at) AS y,
			asa(wait, answered) AS p, asa(offered_at, answered_at) AS q
		FROM contacts WHERE answered IS NOT NULL AND (wait IS NOT NULL OR NOT answered) GROUP BY grp) z
	WHERE x IS DISTINCT FROM y OR p IS DISTINCT FROM q), 0::bigint,
	'timestamp forms of abandon_rate and asa = interval forms');

-- parallel
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT grp, sl_pct(wait, answered, t, ''5 s'') FROM contacts GROUP BY grp') ~ 'Partial', 'parallel: partial aggregation');
CREATE TABLE parallel_r AS SELECT * FROM ext;
SELECT is(mismatches('parallel_r', 'serial_r'), 0::bigint, 'parallel = serial');
SELECT is((SELECT queue_agg(wait, answered, t, '5 s')::text FROM contacts),
	(SELECT format('{"version":1,"kind":"queue","policy":"against","answered":%s,"answered_within":%s,"abandoned":%s,"abandoned_within":%s,"short_abandoned":%s,"answered_wait_us":%s}',
		sum(a), sum(aw), sum(ab), sum(abw),
		(SELECT count(*) FROM contacts WHERE NOT answered AND wait_s < 5), sum(wsum) * 1000000) FROM counts),
	'parallel: the merged state holds the exact counters');
SELECT force_parallel(false) \g /dev/null

-- window frames
CREATE TABLE w_ext AS SELECT i, round(sl_pct(wait, answered, t, '5 s', 'ignore_early') OVER w, 12) AS sl,
	round(abandon_rate(wait, answered) OVER w, 12) AS ab
	FROM contacts WHERE i <= 6000 WINDOW w AS (ORDER BY i ROWS BETWEEN 49 PRECEDING AND CURRENT ROW);
CREATE TABLE w_plain AS SELECT i,
	round(count(*) FILTER (WHERE answered AND wait_s <= t_s) OVER w * 100.0 /
		NULLIF(count(*) FILTER (WHERE answered AND wait_s IS NOT NULL) OVER w
			+ count(*) FILTER (WHERE NOT answered AND (wait_s IS NULL OR wait_s >= 5)) OVER w
			- count(*) FILTER (WHERE NOT answered AND wait_s >= 5 AND wait_s <= t_s) OVER w, 0), 12) AS sl,
	round(count(*) FILTER (WHERE NOT answered) OVER w * 100.0 /
		NULLIF(count(*) FILTER (WHERE answered IS NOT NULL AND (NOT answered OR wait_s IS NOT NULL)) OVER w, 0), 12) AS ab
	FROM contacts WHERE i <= 6000 WINDOW w AS (ORDER BY i ROWS BETWEEN 49 PRECEDING AND CURRENT ROW);
SELECT is((SELECT count(*) FROM w_ext), 6000::bigint, 'window: one value per row');
SELECT is(mismatches('w_ext', 'w_plain'), 0::bigint, 'window ROWS 49 PRECEDING = plain SQL on every frame (ignore_early, abandon rate)');
SELECT is((SELECT array_agg(x ORDER BY i) FROM (SELECT i, sl_pct(w, a, '20 s') OVER (ORDER BY i ROWS 1 PRECEDING) x
		FROM (VALUES (1, '5 s'::interval, true), (2, NULL, NULL), (3, NULL, NULL), (4, '30 s', false), (5, '1 s', true)) v(i, w, a)) z),
	'{100,100,NULL,0,50}'::numeric[], 'window: frames emptied by skipped rows give NULL, then recover');
SELECT is((SELECT array_agg(x ORDER BY i) FROM (SELECT i, round(sl_pct(w, true, '20 s', '0 s', p) OVER (ORDER BY i ROWS 1 PRECEDING), 2) x
		FROM (VALUES (1, NULL::interval, 'favour'), (2, '5 s', 'favour')) v(i, w, p)) z),
	'{NULL,100}'::numeric[], 'window: the policy of a NULL-only frame start is taken from the first counted row');

-- rollup
CREATE TABLE day_states AS SELECT grp, day, queue_agg(wait, answered, t, '5 s') AS st FROM contacts GROUP BY grp, day;
CREATE TABLE rollup_r AS SELECT grp,
	round(sl_pct(rollup(st)), 12) AS against, round(sl_pct(rollup(st), 'ignore_early'), 12) AS ignore_early,
	round(sl_pct(rollup(st), 'favour'), 12) AS favour, round(sl_pct(rollup(st), 'answered_only'), 12) AS answered_only,
	round(abandon_rate(rollup(st)), 12) AS abandon, round(asa(rollup(st))::numeric, 9) AS asa
	FROM day_states GROUP BY grp;
SELECT is(mismatches('rollup_r', 'serial_r'), 0::bigint, 'rollup of daily states = one-shot aggregates (every policy from one state)');
CREATE TABLE roll7 AS SELECT day, sl_pct(rollup(st) OVER (ORDER BY day ROWS 6 PRECEDING)) AS sl
	FROM (SELECT day, rollup(st) AS st FROM day_states GROUP BY day) d;
CREATE TABLE roll7_plain AS SELECT d.day, (SELECT sl_pct(wait, answered, t, '5 s') FROM contacts c WHERE c.day BETWEEN d.day - 6 AND d.day) AS sl
	FROM (SELECT DISTINCT day FROM contacts) d;
SELECT is(mismatches('roll7', 'roll7_plain'), 0::bigint, 'rollup() OVER 7 days = SL over the raw rows');

-- text and binary forms
SELECT is((SELECT count(*) FROM day_states WHERE st::text::queue_state::text <> st::text), 0::bigint, 'text round trip of every state');
CREATE TABLE bin_a (st queue_state);
CREATE TABLE bin_b (st queue_state);
INSERT INTO bin_a SELECT st FROM day_states;
SELECT binary_copy('bin_a', 'bin_b') \g /dev/null
SELECT is(mismatches('(SELECT st::text FROM bin_a) a', '(SELECT st::text FROM bin_b) b'), 0::bigint, 'binary COPY round trip of every state');
SELECT is(recv_as('queue_state', '01020206' || '000000000000000a' || '0000000000000008' || '0000000000000002'
		|| '0000000000000001' || '0000000000000000' || '00000000000f4240'),
	'{"version":1,"kind":"queue","policy":"favour","answered":10,"answered_within":8,"abandoned":2,"abandoned_within":1,"short_abandoned":0,"answered_wait_us":1000000}',
	'recv: well-formed bytes, policy byte read');
SELECT throws_ok($$SELECT recv_as('queue_state', '01020406' || repeat('0000000000000000', 6))$$, '22P03', NULL, 'recv: unknown policy byte');
SELECT throws_ok($$SELECT recv_as('queue_state', '01020006' || '0000000000000001' || '0000000000000002' || repeat('0000000000000000', 4))$$,
	'22003', NULL, 'recv: answered_within above answered');
SELECT throws_ok($$SELECT recv_as('queue_state', '01020006' || repeat('0000000000000000', 5))$$, '08P01', NULL, 'recv: truncated');

-- errors and edge cases
SELECT throws_ok($$SELECT sl_pct('5 s'::interval, true, '20 s', NULL)$$, '22023', 'short_abandon must not be null', 'NULL short_abandon');
SELECT throws_ok($$SELECT sl_pct(w, true, '20 s', '0 s', p) FROM (VALUES ('5 s'::interval, 'against'), ('6 s', 'favour')) v(w, p)$$,
	'22023', NULL, 'the policy may not change within an aggregate');
SELECT is((SELECT sl_pct(wait, answered, t) FROM contacts WHERE false), NULL, 'empty input: NULL');

-- public dataset: SL(30 s), abandon rate and ASA per agent of the PwC set
-- (abandoned calls have no recorded wait: abandoned after T)
\ir datasets.psql
\if :have_datasets
\ir pwc.psql
SELECT is(
	(SELECT string_agg(agent || '=' || round(s, 10) || '/' || round(ab, 10) || '/' || round(q::numeric, 6), ',' ORDER BY agent) FROM (
		SELECT agent, sl_pct(speed::float8, answered = 'Y', 30) s, abandon_rate(speed::float8, answered = 'Y') ab,
			asa(speed::float8, answered = 'Y') q FROM pwc GROUP BY agent) e),
	(SELECT string_agg(agent || '=' || round(s, 10) || '/' || round(ab, 10) || '/' || round(q::numeric, 6), ',' ORDER BY agent) FROM (
		SELECT agent, count(*) FILTER (WHERE answered = 'Y' AND speed <= 30) * 100.0 / count(*) s,
			count(*) FILTER (WHERE answered = 'N') * 100.0 / count(*) ab,
			avg(speed) FILTER (WHERE answered = 'Y') q FROM pwc GROUP BY agent) p),
	'PwC dataset: SL, abandon rate and ASA per agent equal the plain SQL');
\else
SELECT skip(:'skip_reason', 1);
\endif

SELECT * FROM finish();
DROP SCHEMA queue_matrix CASCADE;

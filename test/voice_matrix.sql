-- pgTAP: behaviour matrix of the customer-voice KPIs (nps, ces, csat).
-- Every KPI is checked against an independent plain-SQL formula on the same
-- rows, and serial = parallel = window = rollup.
\set schema voice_matrix
\ir helpers.psql

SELECT plan(68);

-- 120 000 deterministic pseudo-random answers over 120 days and 17 groups,
-- about 4 % NULL scores in each column.
CREATE TABLE votes AS
SELECT i,
	date '2026-01-01' + (i % 120) AS day,
	i % 17 AS grp,
	CASE WHEN abs(hashint4(i)) % 25 = 0 THEN NULL ELSE abs(hashint4(i)) % 11 END AS s,
	CASE WHEN abs(hashint4(i + 1)) % 25 = 0 THEN NULL ELSE abs(hashint4(i + 1)) % 7 + 1 END AS c,
	CASE WHEN abs(hashint4(i + 2)) % 25 = 0 THEN NULL ELSE abs(hashint4(i + 2)) % 5 + 1 END AS q,
	abs(hashint4(i + 3)) % 10 + 1 AS q10
FROM generate_series(1, 120000) i;
ANALYZE votes;

-- The plain SQL an analyst would write, per group
CREATE VIEW plain AS
SELECT grp,
	(count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) * 100.0 / NULLIF(count(s), 0) AS nps,
	avg(c) AS ces,
	count(*) FILTER (WHERE q >= 4) * 100.0 / NULLIF(count(q), 0) AS csat,
	count(*) FILTER (WHERE q10 >= 9) * 100.0 / NULLIF(count(q10), 0) AS csat10,
	count(*) FILTER (WHERE c >= 6) * 100.0 / NULLIF(count(c), 0) AS ces_easy,
	count(*) FILTER (WHERE c <= 3) * 100.0 / NULLIF(count(c), 0) AS ces_difficult,
	avg(q) AS csat_mean,
	count(s) AS responses
FROM votes GROUP BY grp;

CREATE VIEW ext AS
SELECT grp, nps(s), ces(c), csat(q), csat(q10, 10) AS csat10,
	ces_easy_pct(ces_agg(c)) AS ces_easy, ces_difficult_pct(ces_agg(c)) AS ces_difficult,
	csat_mean(csat_agg(q)) AS csat_mean, responses(nps_agg(s)) AS responses
FROM votes GROUP BY grp;

-- numeric equality is by value, so 63.60 = 63.6; compare rounded to 12 places
CREATE TABLE plain_r AS SELECT grp, round(nps, 12) nps, round(ces, 12) ces, round(csat, 12) csat,
	round(csat10, 12) csat10, round(ces_easy, 12) ces_easy, round(ces_difficult, 12) ces_difficult,
	round(csat_mean, 12) csat_mean, responses FROM plain;

-- 1. serial
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_r AS SELECT grp, round(nps, 12) nps, round(ces, 12) ces, round(csat, 12) csat,
	round(csat10, 12) csat10, round(ces_easy, 12) ces_easy, round(ces_difficult, 12) ces_difficult,
	round(csat_mean, 12) csat_mean, responses FROM ext;
SELECT is((SELECT count(*) FROM serial_r), 17::bigint, 'serial: one row per group');
SELECT is(mismatches('serial_r', 'plain_r'), 0::bigint, 'serial: every KPI equals the plain SQL formula in every group');
SELECT is((SELECT count(*) FROM ext e JOIN plain p USING (grp) WHERE e.nps = p.nps AND e.ces = p.ces AND e.csat = p.csat), 17::bigint,
	'serial: unrounded values are equal too');

-- 2. parallel (partial aggregates in workers, combined in the leader)
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT grp, nps(s), ces(c), csat(q) FROM votes GROUP BY grp') ~ 'Partial (Hash|Group)?Aggregate',
	'parallel: the plan has a Partial Aggregate under Gather');
SELECT ok(plan_of('SELECT nps(s), ces(c, 7), csat(q, 5) FROM votes') ~ 'Partial Aggregate',
	'parallel: plain aggregate also runs partially');
CREATE TABLE parallel_r AS SELECT grp, round(nps, 12) nps, round(ces, 12) ces, round(csat, 12) csat,
	round(csat10, 12) csat10, round(ces_easy, 12) ces_easy, round(ces_difficult, 12) ces_difficult,
	round(csat_mean, 12) csat_mean, responses FROM ext;
SELECT is(mismatches('parallel_r', 'serial_r'), 0::bigint, 'parallel = serial in every group');
SELECT is((SELECT concat_ws(' ', nps(s), ces(c), csat(q)) FROM votes),
	(SELECT concat_ws(' ', (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) * 100.0 / count(s), avg(c),
		count(*) FILTER (WHERE q >= 4) * 100.0 / count(q)) FROM votes),
	'parallel: whole-table figures equal the plain SQL digit for digit');
SELECT is((SELECT nps_agg(s)::text FROM votes),
	(SELECT '{"version":1,"kind":"nps","scale":[0,10],"counts":[' ||
		string_agg(n::text, ',' ORDER BY k) || ']}'
		FROM (SELECT k, (SELECT count(*) FROM votes WHERE s = k) n FROM generate_series(0, 10) k) x),
	'parallel: the merged state holds exactly the per-score counts');
SELECT force_parallel(false) \g /dev/null

-- 3. window frames (moving aggregate with inverse transitions)
CREATE TABLE daily AS SELECT day, s, c, q FROM votes WHERE i <= 6000;
CREATE TABLE w_ext AS
SELECT i, round(nps(s) OVER w, 12) nps, round(ces(c) OVER w, 12) ces, round(csat(q) OVER w, 12) csat
FROM votes WHERE i <= 6000
WINDOW w AS (ORDER BY i ROWS BETWEEN 29 PRECEDING AND CURRENT ROW);
CREATE TABLE w_plain AS
SELECT i,
	round((count(*) FILTER (WHERE s >= 9) OVER w - count(*) FILTER (WHERE s <= 6) OVER w) * 100.0 / NULLIF(count(s) OVER w, 0), 12) nps,
	round(avg(c) OVER w, 12) ces,
	round(count(*) FILTER (WHERE q >= 4) OVER w * 100.0 / NULLIF(count(q) OVER w, 0), 12) csat
FROM votes WHERE i <= 6000
WINDOW w AS (ORDER BY i ROWS BETWEEN 29 PRECEDING AND CURRENT ROW);
SELECT is((SELECT count(*) FROM w_ext), 6000::bigint, 'window ROWS: one value per row');
SELECT is(mismatches('w_ext', 'w_plain'), 0::bigint, 'window ROWS 29 PRECEDING: every frame equals the plain SQL');

CREATE TABLE wr_ext AS
SELECT i, day, round(nps(s) OVER w, 12) nps, round(csat(q) OVER w, 12) csat
FROM votes WHERE i <= 20000
WINDOW w AS (ORDER BY day RANGE BETWEEN '6 days' PRECEDING AND CURRENT ROW);
CREATE TABLE wr_plain AS
SELECT i, day,
	round((count(*) FILTER (WHERE s >= 9) OVER w - count(*) FILTER (WHERE s <= 6) OVER w) * 100.0 / NULLIF(count(s) OVER w, 0), 12) nps,
	round(count(*) FILTER (WHERE q >= 4) OVER w * 100.0 / NULLIF(count(q) OVER w, 0), 12) csat
FROM votes WHERE i <= 20000
WINDOW w AS (ORDER BY day RANGE BETWEEN '6 days' PRECEDING AND CURRENT ROW);
SELECT is(mismatches('wr_ext', 'wr_plain'), 0::bigint, 'window RANGE 6 days: every frame equals the plain SQL');

-- frames that empty out: only NULLs inside must give NULL, not a stale value
SELECT is(
	(SELECT array_agg(x ORDER BY i) FROM (SELECT i, nps(s) OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND CURRENT ROW) x
		FROM (VALUES (1, 9), (2, NULL), (3, NULL), (4, 0)) v(i, s)) z),
	'{100,NULL,NULL,-100}'::numeric[],
	'window: a frame of NULL scores only is NULL');
SELECT is(
	(SELECT array_agg(x ORDER BY i) FROM (SELECT i, nps(s) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) x
		FROM (VALUES (1, 10), (2, NULL), (3, NULL), (4, 0), (5, 8)) v(i, s)) z),
	'{100,100,NULL,-100,-50}'::numeric[],
	'window: frames sliding past NULLs and back');
SELECT is(
	(SELECT array_agg(x ORDER BY i) FROM (SELECT i, nps(s) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) x
		FROM (VALUES (1, 10), (2, 0), (3, 7), (4, 9)) v(i, s)) z),
	'{-100,50,0,0}'::numeric[],
	'window: EXCLUDE CURRENT ROW frames (recomputed from scratch)');
SELECT is(
	(SELECT array_agg(x ORDER BY i) FROM (SELECT i, nps(s) OVER (ORDER BY i) x
		FROM (VALUES (1, 10), (2, 0), (3, 7), (4, 9)) v(i, s)) z),
	'{100,0,0,25}'::numeric[],
	'window: running total (frame start fixed)');

-- 4. rollup: daily states -> monthly -> all, and rollup over a moving frame
CREATE TABLE day_states AS
SELECT grp, day, nps_agg(s) AS n, ces_agg(c) AS c, csat_agg(q) AS q, csat_agg(q10, 10) AS q10
FROM votes GROUP BY grp, day;
CREATE TABLE month_states AS
SELECT grp, date_trunc('month', day) AS month, rollup(n) AS n, rollup(c) AS c, rollup(q) AS q, rollup(q10) AS q10
FROM day_states GROUP BY 1, 2;
CREATE TABLE rollup_r AS
SELECT grp, round(nps(rollup(n)), 12) nps, round(ces(rollup(c)), 12) ces, round(csat(rollup(q)), 12) csat,
	round(csat(rollup(q10)), 12) csat10, round(ces_easy_pct(rollup(c)), 12) ces_easy,
	round(ces_difficult_pct(rollup(c)), 12) ces_difficult, round(csat_mean(rollup(q)), 12) csat_mean,
	responses(rollup(n)) responses
FROM month_states GROUP BY grp;
SELECT is((SELECT count(*) FROM month_states), 68::bigint, 'rollup: 17 groups x 4 months of states');
SELECT is(mismatches('rollup_r', 'serial_r'), 0::bigint, 'rollup of daily -> monthly -> total = one-shot aggregate');
SELECT force_parallel(true) \g /dev/null
SELECT is((SELECT rollup(n)::text FROM day_states), (SELECT nps_agg(s)::text FROM votes),
	'rollup in parallel = one state over the raw rows');
SELECT force_parallel(false) \g /dev/null
CREATE TABLE roll7 AS
SELECT day, round(nps(rollup(n) OVER w), 12) AS nps
FROM (SELECT day, rollup(n) n FROM day_states GROUP BY day) d
WINDOW w AS (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW);
CREATE TABLE roll7_plain AS
SELECT d.day, round((SELECT nps(s) FROM votes v WHERE v.day BETWEEN d.day - 6 AND d.day
	AND v.day >= (SELECT min(day) FROM votes)), 12) AS nps
FROM (SELECT DISTINCT day FROM votes) d;
SELECT is(mismatches('roll7', 'roll7_plain'), 0::bigint, 'rollup() OVER a 7-day frame = 7-day NPS over raw rows');
SELECT is((SELECT rollup(n)::text FROM (VALUES (NULL::nps_state), (NULL)) v(n)), NULL, 'rollup of NULL states only is NULL');
SELECT is((SELECT rollup(n)::text FROM day_states WHERE false), NULL, 'rollup of no rows is NULL');
SELECT is((SELECT nps(rollup(n)) FROM (SELECT nps_agg(s) FROM votes WHERE i = 1 UNION ALL SELECT NULL) v(n)),
	(SELECT nps(s) FROM votes WHERE i = 1), 'rollup skips NULL states');

-- 5. text and binary forms round-trip exactly
SELECT is((SELECT count(*) FROM day_states WHERE n::text::nps_state::text <> n::text
	OR c::text::ces_state::text <> c::text OR q::text::csat_state::text <> q::text OR q10::text::csat_state::text <> q10::text),
	0::bigint, 'text output -> input -> output is the identity for every stored state');
SELECT is((SELECT count(*) FROM day_states WHERE nps(n::text::nps_state) IS DISTINCT FROM nps(n)), 0::bigint,
	'a state read back from text gives the same NPS');
CREATE TABLE bin_states (n nps_state, c ces_state, q csat_state);
CREATE TABLE bin_back (n nps_state, c ces_state, q csat_state);
INSERT INTO bin_states SELECT n, c, q10 FROM day_states;
SELECT binary_copy('bin_states', 'bin_back') \g /dev/null
SELECT is(mismatches('(SELECT n::text, c::text, q::text FROM bin_states) a', '(SELECT n::text, c::text, q::text FROM bin_back) b'),
	0::bigint, 'binary COPY out and in round-trips every state');
SELECT is((SELECT count(*) FROM bin_back), (SELECT count(*) FROM day_states), 'binary COPY read back every row');

-- 6. binary recv validates every byte: craft the bytes as a bytea in a binary
--    COPY file, then read that file into a state column.
SELECT is(recv_as('nps_state', '0101' || '0000' || '000a' || repeat('0000000000000001', 11)),
	'{"version":1,"kind":"nps","scale":[0,10],"counts":[1,1,1,1,1,1,1,1,1,1,1]}',
	'recv: well-formed bytes give the state');
SELECT is(recv_as('nps_state', encode(nps_state_send(nps_agg(s)), 'hex')), nps_agg(s)::text, 'recv(send(state)) = state')
FROM votes WHERE i <= 1000;
SELECT throws_ok($$SELECT recv_as('nps_state', '0201' || '0000' || '000a' || repeat('0000000000000001', 11))$$,
	'22P03', NULL, 'recv: unknown format version is rejected');
SELECT throws_ok($$SELECT recv_as('nps_state', '0102' || '0000' || '000a' || repeat('0000000000000001', 11))$$,
	'22P03', NULL, 'recv: a state of another kind is rejected');
SELECT throws_ok($$SELECT recv_as('nps_state', '0101' || '0000' || '000b' || repeat('0000000000000001', 12))$$,
	'22P03', NULL, 'recv: a scale other than 0..10 is rejected');
SELECT throws_ok($$SELECT recv_as('nps_state', '0101' || '0000' || '000a' || repeat('0000000000000001', 10))$$,
	'08P01', NULL, 'recv: truncated counts are rejected');
SELECT throws_ok($$SELECT recv_as('nps_state', '0101' || '0000' || '000a' || repeat('0000000000000001', 11) || '00')$$,
	'22P03', NULL, 'recv: trailing bytes are rejected');
SELECT throws_ok($$SELECT recv_as('nps_state', '0101' || '0000' || '000a' || repeat('ffffffffffffffff', 11))$$,
	'22003', NULL, 'recv: negative counts are rejected');
SELECT is(recv_as('nps_state', '0101' || '0000' || '000a' || repeat('7fffffffffffffff', 11)),
	'{"version":1,"kind":"nps","scale":[0,10],"counts":[' || rtrim(repeat('9223372036854775807,', 11), ',') || ']}',
	'recv: counters at the bigint limit are accepted (each counter fits, as a transition guarantees)');
SELECT throws_ok($$SELECT nps(recv_as('nps_state', '0101' || '0000' || '000a' || repeat('7fffffffffffffff', 11))::nps_state)$$,
	'22003', 'nps response count is out of range for type bigint', 'an accessor whose total overflows bigint raises 22003');
SELECT throws_ok($$SELECT recv_as('nps_state', '01')$$, '08P01', NULL, 'recv: a one-byte message is rejected');

-- 7. edge cases
SELECT is((SELECT nps(s) FROM votes WHERE false), NULL, 'empty input: NULL');
SELECT is((SELECT nps_agg(s)::text FROM votes WHERE false), NULL, 'empty input: NULL state');
SELECT is((SELECT ces(c) FROM (VALUES (NULL::int)) v(c)), NULL, 'all-NULL input: NULL');
SELECT is(nps(9), 100::numeric, 'single promoter: 100');
SELECT is(nps(7), 0::numeric, 'single passive: 0');
SELECT is(nps(0), -100::numeric, 'single detractor: -100');
SELECT is(nps_stderr(nps_agg(9)), 0::numeric, 'single answer: zero standard error');
SELECT is(responses('{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,0]}'::nps_state), 0::bigint,
	'an empty state has zero responses');
SELECT is((SELECT array_agg(x::text ORDER BY i) FROM (SELECT i, nps_agg(s) OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND CURRENT ROW) x
		FROM (VALUES (1, 9), (2, NULL)) v(i, s)) z),
	ARRAY['{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,1,0]}', NULL],
	'nps_agg over a window frame of NULLs only is a NULL state, as without a window');
SELECT is(nps('{"version":1,"kind":"nps","scale":[0,10],"counts":[3000000000000000000,0,0,0,0,0,0,0,0,0,6000000000000000000]}'::nps_state),
	33.3333333333333333::numeric, 'huge counts: exact NPS with 9e18 responses');
SELECT is(ces('{"version":1,"kind":"ces","scale":[1,7],"counts":[0,0,0,0,0,0,9000000000000000000]}'::ces_state),
	7::numeric, 'huge counts: exact CES mean without overflow');
SELECT throws_ok($$SELECT rollup(n) FROM (VALUES ('{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,6000000000000000000]}'::nps_state),
	('{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,6000000000000000000]}'::nps_state)) v(n)$$,
	'22003', NULL, 'huge counts: a merge that overflows bigint is an error, not a wrap-around');

-- 8. errors, with their SQLSTATEs
SELECT throws_ok('SELECT nps(11)', '22003', 'nps score 11 is outside the scale 0..10', 'nps: score above the scale');
SELECT throws_ok('SELECT nps(-1)', '22003', 'nps score -1 is outside the scale 0..10', 'nps: negative score');
SELECT throws_ok('SELECT ces(8)', '22003', 'ces score 8 is outside the scale 1..7', 'ces: score above 1..7');
SELECT throws_ok('SELECT ces(6, 5)', '22003', 'ces score 6 is outside the scale 1..5', 'ces: score above a 1..5 scale');
SELECT throws_ok('SELECT csat(0)', '22003', 'csat score 0 is outside the scale 1..5', 'csat: score 0');
SELECT throws_ok('SELECT ces(3, 2)', '22023', 'ces scale_max 2 is outside the range 3..100', 'ces: scale too small');
SELECT throws_ok('SELECT csat(3, 101)', '22023', 'csat scale_max 101 is outside the range 3..100', 'csat: scale too large');
SELECT throws_ok('SELECT csat(3, NULL)', '22023', 'csat scale_max must not be null', 'csat: NULL scale');
SELECT throws_ok('SELECT csat(NULL, NULL)', '22023', 'csat scale_max must not be null', 'csat: NULL scale, even with a NULL score');
SELECT is((SELECT ces(x, y) FROM (VALUES (1, NULL::int, 5), (2, 2, 7)) v(o, x, y)), 2::numeric,
	'a NULL score is not checked against the scale');
SELECT is((SELECT array_agg(r ORDER BY o) FROM (SELECT o, ces(x, y) OVER (ORDER BY o ROWS 1 PRECEDING) r
		FROM (VALUES (1, NULL::int, 5), (2, 2, 7), (3, 7, 7)) v(o, x, y)) z),
	'{NULL,2,4.5}'::numeric[],
	'window: a frame starting with NULL scores takes the scale of its first scored row');
SELECT is('{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,00000000000000000000001]}'::nps_state::text,
	'{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,1]}',
	'text input: leading zeros are not digits');
SELECT throws_ok($$SELECT ces(rollup(c)) FROM (SELECT ces_agg(3) UNION ALL SELECT ces_agg(3, 5)) v(c)$$, '22023',
	NULL, 'rollup of states of different scales fails even when read through an accessor');
SELECT throws_ok($$SELECT rollup(c) FROM (SELECT ces_agg(3) UNION ALL SELECT ces_agg(3, 5)) v(c)$$, '22023',
	'cannot merge ces states with different scales 1..7 and 1..5', 'rollup refuses states of different scales');
SELECT throws_ok('SELECT nps_ci_upper(nps_agg(9), 0)', '22023', NULL, 'confidence level 0 is rejected');
SELECT throws_ok($$SELECT 'x'::nps_state$$, '22P02', NULL, 'text input: garbage is rejected');
SELECT throws_ok($$SELECT '{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,1],"extra":1}'::nps_state$$,
	'22P02', NULL, 'text input: unknown keys are rejected');

-- 9. a public dataset: CSAT per agent of the PwC call-centre set equals the plain SQL
\ir datasets.psql
\if :have_datasets
\ir pwc.psql
SELECT is((SELECT count(*) FROM pwc), 5000::bigint, 'PwC dataset loaded: 5000 calls');
SELECT is(
	(SELECT string_agg(agent || '=' || round(x, 10) || '/' || round(m, 10), ',' ORDER BY agent) FROM (
		SELECT agent, csat(satisfaction) x, csat_mean(csat_agg(satisfaction)) m FROM pwc GROUP BY agent) e),
	(SELECT string_agg(agent || '=' || round(x, 10) || '/' || round(m, 10), ',' ORDER BY agent) FROM (
		SELECT agent, count(*) FILTER (WHERE satisfaction >= 4) * 100.0 / count(satisfaction) x, avg(satisfaction) m
		FROM pwc GROUP BY agent) p),
	'PwC dataset: CSAT and mean rating per agent equal the plain SQL');
\else
SELECT skip(:'skip_reason', 2);
\endif

SELECT * FROM finish();
DROP SCHEMA voice_matrix CASCADE;

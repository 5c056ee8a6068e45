-- pgTAP: behaviour matrix of AHT and occupancy: plain SQL = serial =
-- parallel = window = rollup.
\set schema handling_matrix
\ir helpers.psql

SELECT plan(14);

-- 120 000 handled contacts: talk 0..599 s, hold 0..59 s, wrap 0..119 s, some NULL
CREATE TABLE h AS
SELECT i, date '2026-01-01' + (i % 120) AS day, i % 17 AS grp,
	CASE WHEN abs(hashint4(i)) % 40 = 0 THEN NULL ELSE abs(hashint4(i)) % 600 END AS talk_s,
	CASE WHEN abs(hashint4(i + 1)) % 3 = 0 THEN NULL ELSE abs(hashint4(i + 1)) % 60 END AS hold_s,
	CASE WHEN abs(hashint4(i + 2)) % 40 = 0 THEN NULL ELSE abs(hashint4(i + 2)) % 120 END AS wrap_s,
	abs(hashint4(i + 3)) % 3600 AS busy_s,
	CASE WHEN i % 11 = 0 THEN NULL ELSE abs(hashint4(i + 4)) % 1800 END AS avail_s
FROM generate_series(1, 120000) i;
ALTER TABLE h ADD COLUMN talk interval, ADD COLUMN hold interval, ADD COLUMN wrap interval;
UPDATE h SET talk = make_interval(secs => talk_s), hold = make_interval(secs => hold_s), wrap = make_interval(secs => wrap_s);
ANALYZE h;

CREATE TABLE plain_r AS
SELECT grp,
	round(avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0))
		FILTER (WHERE talk_s IS NOT NULL OR hold_s IS NOT NULL OR wrap_s IS NOT NULL), 6) AS aht,
	round(sum(busy_s) * 100.0 / (sum(busy_s) + sum(coalesce(avail_s, 0))), 12) AS occ
FROM h GROUP BY grp;
CREATE VIEW ext AS
SELECT grp, round(aht(talk, hold, wrap)::numeric, 6) AS aht, round(occupancy(busy_s::float8, avail_s::float8), 12) AS occ
FROM h GROUP BY grp;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_r AS SELECT * FROM ext;
SELECT is((SELECT count(*) FROM serial_r), 17::bigint, 'serial: 17 groups');
SELECT is(mismatches('serial_r', 'plain_r'), 0::bigint, 'serial: AHT and occupancy equal the plain SQL in every group');
SELECT is((SELECT count(*) FROM (SELECT grp, aht(talk_s::float8, hold_s::float8, wrap_s::float8) x, aht(talk, hold, wrap) y FROM h GROUP BY grp) z
	WHERE x <> y), 0::bigint, 'seconds form = interval form, exactly');

SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT grp, aht(talk, hold, wrap) FROM h GROUP BY grp') ~ 'Partial', 'parallel: partial aggregation');
CREATE TABLE parallel_r AS SELECT * FROM ext;
SELECT is(mismatches('parallel_r', 'serial_r'), 0::bigint, 'parallel = serial');
SELECT is((SELECT handle_agg(talk, hold, wrap)::text FROM h),
	(SELECT format('{"version":1,"kind":"handle","handled":%s,"handle_us":%s}', count(*),
		sum(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0)) * 1000000)
	 FROM h WHERE talk_s IS NOT NULL OR hold_s IS NOT NULL OR wrap_s IS NOT NULL),
	'parallel: the merged state holds the exact count and microseconds');
SELECT force_parallel(false) \g /dev/null

CREATE TABLE w_ext AS SELECT i, round(aht(talk, hold, wrap) OVER w::numeric, 6) AS aht,
	round(occupancy(busy_s::float8, avail_s::float8) OVER w, 12) AS occ
	FROM h WHERE i <= 6000 WINDOW w AS (ORDER BY i ROWS BETWEEN 29 PRECEDING AND CURRENT ROW);
CREATE TABLE w_plain AS SELECT i,
	round(avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0))
		FILTER (WHERE talk_s IS NOT NULL OR hold_s IS NOT NULL OR wrap_s IS NOT NULL) OVER w, 6) AS aht,
	round(sum(busy_s) OVER w * 100.0 / (sum(busy_s) OVER w + sum(coalesce(avail_s, 0)) OVER w), 12) AS occ
	FROM h WHERE i <= 6000 WINDOW w AS (ORDER BY i ROWS BETWEEN 29 PRECEDING AND CURRENT ROW);
SELECT is(mismatches('w_ext', 'w_plain'), 0::bigint, 'window ROWS 29 PRECEDING = plain SQL on every frame');

CREATE TABLE day_states AS SELECT grp, day, handle_agg(talk, hold, wrap) AS hs, occupancy_agg(busy_s::float8, avail_s::float8) AS os
	FROM h GROUP BY grp, day;
CREATE TABLE rollup_r AS SELECT grp, round(aht(rollup(hs))::numeric, 6) AS aht, round(occupancy(rollup(os)), 12) AS occ
	FROM day_states GROUP BY grp;
SELECT is(mismatches('rollup_r', 'serial_r'), 0::bigint, 'rollup of daily states = one-shot aggregates');
SELECT is((SELECT count(*) FROM day_states WHERE hs::text::handle_state::text <> hs::text
	OR os::text::occupancy_state::text <> os::text), 0::bigint, 'text round trip of every state');
CREATE TABLE bin_a (hs handle_state, os occupancy_state);
CREATE TABLE bin_b (hs handle_state, os occupancy_state);
INSERT INTO bin_a SELECT hs, os FROM day_states;
SELECT binary_copy('bin_a', 'bin_b') \g /dev/null
SELECT is(mismatches('(SELECT hs::text, os::text FROM bin_a) a', '(SELECT hs::text, os::text FROM bin_b) b'), 0::bigint,
	'binary COPY round trip of every state');
SELECT throws_ok($$SELECT recv_as('handle_state', '01030002' || '0000000000000001')$$, '08P01', NULL, 'recv: truncated');
SELECT throws_ok($$SELECT recv_as('handle_state', '01030002' || 'ffffffffffffffff' || '0000000000000001')$$, '22003', NULL, 'recv: negative count');
SELECT throws_ok($$SELECT aht('1 s'::interval, '-1 s', NULL)$$, '22003', NULL, 'a negative component is an error');

-- public dataset: AHT (talk only) of answered calls per agent, PwC set
\ir datasets.psql
\if :have_datasets
\ir pwc.psql
SELECT is(
	(SELECT string_agg(agent || '=' || round(x::numeric, 6), ',' ORDER BY agent) FROM (
		SELECT agent, aht(talk::float8) FILTER (WHERE answered = 'Y') x FROM pwc GROUP BY agent) e),
	(SELECT string_agg(agent || '=' || round(x, 6), ',' ORDER BY agent) FROM (
		SELECT agent, avg(talk) FILTER (WHERE answered = 'Y') x FROM pwc GROUP BY agent) p),
	'PwC dataset: AHT per agent equals the plain SQL');
\else
SELECT skip(:'skip_reason', 1);
\endif

SELECT * FROM finish();
DROP SCHEMA handling_matrix CASCADE;

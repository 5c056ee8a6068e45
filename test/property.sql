-- pgTAP: property tests.  2000 small random datasets (seeded), with NULLs,
-- duplicates, ties, boundary and extreme values, all-NULL columns and empty
-- datasets; for every dataset each KPI is compared with an independent
-- plain-SQL formula of docs/reference.md, and the extension's figures are
-- the same serial, parallel (partial states combined across workers), as a
-- running window (its last row) and as a rollup of per-subgroup states.
\set schema property
\ir helpers.psql

SELECT plan(12);
SELECT setseed(0.2026);

-- dataset ds has n rows (0 for about one in six), a NULL rate (0, 0.3 or
-- 1: every value NULL) and a percentile; values are drawn from boundaries
-- and extremes as well as from their range
CREATE TABLE sets AS
SELECT ds, (random() * random() * 15)::int AS n, (ARRAY[0, 0.3, 1])[1 + floor(random() * 3)::int] AS nullrate,
	(ARRAY[0, 0.25, 0.5, 0.9, 1])[1 + floor(random() * 5)::int]::float8 AS p
FROM generate_series(1, 2000) ds;
-- a value of choices (r2 picks it), or NULL with probability nullrate (r1);
-- the random numbers come precomputed per row, so that this inlines
CREATE FUNCTION pick(nullrate numeric, choices float8[], r1 float8, r2 float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN r1 < nullrate THEN NULL ELSE choices[1 + floor(r2 * cardinality(choices))::int] END $$;
CREATE TABLE d AS
SELECT ds, i, i % 3 AS sub, p,
	pick(nullrate, ARRAY[0, 10, 9, 6, 7, 8, 1, 5], r[1], r[2])::int AS s10,
	pick(nullrate, ARRAY[1, 7, 6, 3, 4, 2], r[4], r[5])::int AS c7,
	pick(nullrate, ARRAY[1, 5, 4, 3, 2], r[7], r[8])::int AS q5,
	pick(nullrate, ARRAY[0, 1, 1], r[10], r[11])::int::boolean AS flag,
	pick(nullrate * 0.5, ARRAY[0, 5, 4.999999, 20, 20.000001, 60, 33.25, 1e6, r[15] * 120], r[13], r[14]) AS wait_s,
	pick(nullrate, ARRAY[0, 0.001, 300, 1e7, round((r[18] * 900)::numeric, 3)], r[16], r[17]) AS talk,
	pick(nullrate, ARRAY[0, 60, round((r[21] * 90)::numeric, 3)], r[19], r[20]) AS hold,
	pick(nullrate, ARRAY[0, 30.5, round((r[24] * 200)::numeric, 3)], r[22], r[23]) AS wrap,
	pick(nullrate, ARRAY[0, 1800, round((r[27] * 3600)::numeric, 3)], r[25], r[26]) AS busy,
	pick(nullrate, ARRAY[0, 900, round((r[30] * 3600)::numeric, 3)], r[28], r[29]) AS avail,
	pick(nullrate, ARRAY[0, 0.000001, 1e9, 86400, round((r[33] * 1e5)::numeric, 6)], r[31], r[32]) AS dur,
	CASE WHEN r[34] < 0.1 THEN NULL ELSE r[35] < 0.7 END AS answered,
	CASE WHEN r[36] < 0.5 THEN 20 ELSE 60 END::float8 AS t_s,
	(ARRAY['customer_message', 'operator_message', 'bot_message', 'assigned', 'customer_message'])[1 + floor(r[37] * 5)::int]::contact_event_kind AS kind,
	timestamptz '2026-03-02 09:00+00' + make_interval(secs => (r[38] * 20)::int) AS at
FROM (SELECT ds, i, p, nullrate, ARRAY(SELECT random() + 0 * i FROM generate_series(1, 39)) AS r
	FROM sets, generate_series(1, n) i) x;
ALTER TABLE d ADD wait interval, ADD t interval;
UPDATE d SET wait = make_interval(secs => wait_s), t = make_interval(secs => t_s);
ANALYZE d;
SELECT ok((SELECT count(*) FROM sets) = 2000 AND (SELECT count(*) FROM sets WHERE n = 0) > 100
	AND (SELECT count(*) FROM sets WHERE nullrate = 1 AND n > 0) > 200 AND (SELECT count(*) FROM d) > 5000,
	'2000 datasets: ' || (SELECT count(*) FROM d) || ' rows, ' || (SELECT count(*) FROM sets WHERE n = 0) || ' empty, '
	|| (SELECT count(*) FROM sets WHERE nullrate = 1 AND n > 0) || ' all-NULL');

-- 1. the plain SQL, long format: (ds, kpi, value)
CREATE TABLE plain AS
WITH q AS (
	SELECT ds,
		count(*) FILTER (WHERE answered AND wait_s IS NOT NULL) AS a,
		count(*) FILTER (WHERE answered AND wait_s <= t_s) AS aw,
		count(*) FILTER (WHERE NOT answered AND (wait_s IS NULL OR wait_s >= 5)) AS ab,
		count(*) FILTER (WHERE NOT answered AND wait_s >= 5 AND wait_s <= t_s) AS abw,
		sum(round(wait_s::numeric, 6)) FILTER (WHERE answered) AS wsum
	FROM d GROUP BY ds),
tl AS (
	SELECT ds, extract(epoch FROM min(at) FILTER (WHERE kind = 'operator_message' AND at >= fc) - fc) AS frt
	FROM (SELECT ds, kind, at, min(at) FILTER (WHERE kind = 'customer_message') OVER (PARTITION BY ds) AS fc FROM d) e
	GROUP BY ds, fc),
k AS (
	SELECT ds,
		(count(*) FILTER (WHERE s10 >= 9) - count(*) FILTER (WHERE s10 <= 6)) * 100.0 / NULLIF(count(s10), 0) AS nps,
		avg(c7) AS ces,
		count(*) FILTER (WHERE c7 >= 6) * 100.0 / NULLIF(count(c7), 0) AS ces_easy,
		count(*) FILTER (WHERE q5 >= 4) * 100.0 / NULLIF(count(q5), 0) AS csat,
		avg(q5) AS csat_mean,
		count(*) FILTER (WHERE flag) * 100.0 / NULLIF(count(flag), 0) AS share,
		sum(coalesce(talk, 0) + coalesce(hold, 0) + coalesce(wrap, 0))::numeric
			/ NULLIF(count(*) FILTER (WHERE talk IS NOT NULL OR hold IS NOT NULL OR wrap IS NOT NULL), 0) AS aht,
		sum(coalesce(busy, 0))::numeric * 100 / NULLIF(sum(coalesce(busy, 0) + coalesce(avail, 0))::numeric, 0) AS occupancy,
		percentile_cont(p) WITHIN GROUP (ORDER BY dur) AS res_p,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY dur) AS res_median,
		avg(dur) AS dur_mean,
		NULLIF(count(dur), 0) AS dur_count,
		count(kind) AS events,
		extract(epoch FROM max(at) - min(at)) AS duration
	FROM d GROUP BY ds, p)
SELECT ds, kpi, v::numeric AS v FROM k, LATERAL (VALUES ('nps', nps), ('ces', ces), ('ces_easy', ces_easy), ('csat', csat),
	('csat_mean', csat_mean), ('share', share), ('aht', aht), ('occupancy', occupancy), ('res_p', res_p),
	('res_median', res_median), ('dur_mean', dur_mean), ('dur_count', dur_count), ('events', events), ('duration', duration)) x(kpi, v)
UNION ALL
SELECT ds, kpi, v FROM q, LATERAL (VALUES
	('sl_against', aw * 100.0 / NULLIF(a + ab, 0)), ('sl_ignore_early', aw * 100.0 / NULLIF(a + ab - abw, 0)),
	('sl_favour', (aw + abw) * 100.0 / NULLIF(a + ab, 0)), ('sl_answered_only', aw * 100.0 / NULLIF(a, 0)),
	('abandon_rate', ab * 100.0 / NULLIF(a + ab, 0)), ('asa', wsum / NULLIF(a, 0))) x(kpi, v)
UNION ALL
SELECT ds, 'frt', frt FROM tl;

-- 2. the extension, the same long format
-- the extension's figures per dataset of table src (a query text)
CREATE FUNCTION ext_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT format('
SELECT ds, nps(s10), ces(c7), ces_easy_pct(ces_agg(c7)) AS ces_easy, csat(q5), csat_mean(csat_agg(q5)),
	share_pct(flag) AS share, aht(talk, hold, wrap), occupancy(busy, avail),
	resolution_time(dur, p) AS res_p, resolution_time(dur) AS res_median,
	duration_mean(duration_agg(dur)) AS dur_mean, duration_count(duration_agg(dur)) AS dur_count,
	event_count(contact_timeline(kind, at)) AS events, contact_duration(contact_timeline(kind, at)) AS duration,
	first_response_time(contact_timeline(kind, at)) AS frt,
	sl_pct(wait_s, answered, t_s, 5) AS sl_against, sl_pct(wait, answered, t, ''5 s'', ''ignore_early'') AS sl_ignore_early,
	sl_pct(wait_s, answered, t_s, 5, ''favour'') AS sl_favour, sl_pct(wait, answered, t, ''5 s'', ''answered_only'') AS sl_answered_only,
	abandon_rate(wait_s, answered, 5) AS abandon_rate, asa(wait, answered)
FROM %s GROUP BY ds, p', src) $f$;
CREATE FUNCTION long_of(q text) RETURNS TABLE (ds int, kpi text, v numeric) LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format('SELECT ds, x.kpi, x.v FROM (%s) w, LATERAL (VALUES (''nps'', nps::numeric), (''ces'', ces), (''ces_easy'', ces_easy),
		(''csat'', csat), (''csat_mean'', csat_mean), (''share'', share), (''aht'', aht::numeric), (''occupancy'', occupancy),
		(''res_p'', res_p::numeric), (''res_median'', res_median::numeric), (''dur_mean'', dur_mean::numeric), (''dur_count'', dur_count),
		(''events'', events), (''duration'', duration::numeric), (''frt'', frt::numeric), (''sl_against'', sl_against),
		(''sl_ignore_early'', sl_ignore_early), (''sl_favour'', sl_favour), (''sl_answered_only'', sl_answered_only),
		(''abandon_rate'', abandon_rate), (''asa'', asa::numeric)) x(kpi, v)', q);
END $$;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial AS SELECT * FROM long_of(ext_sql('d'));
RESET max_parallel_workers_per_gather;

-- equal up to double precision rounding (1e-12 relative; sums of
-- microseconds and percentile interpolation are computed in doubles)
CREATE FUNCTION differ(a numeric, b numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT (a IS NULL) <> (b IS NULL) OR abs(a - b) > 1e-12 * greatest(1, abs(b)) $$;
SELECT is((SELECT count(*) FROM plain), 21 * (SELECT count(*) FROM sets WHERE n > 0), 'plain SQL: 21 KPIs per non-empty dataset');
SELECT is((SELECT string_agg(kpi || ' (' || n || ' datasets, e.g. ' || ds || ': ' || coalesce(e::text, 'NULL') || ' vs ' || coalesce(p::text, 'NULL') || ')', '; ')
	FROM (SELECT DISTINCT ON (kpi) kpi, ds, s.v e, p.v p, count(*) OVER (PARTITION BY kpi) n FROM serial s FULL JOIN plain p USING (ds, kpi)
		WHERE differ(s.v, p.v) ORDER BY kpi, ds) x), NULL,
	'every KPI of every dataset equals its plain-SQL formula (' || (SELECT count(*) FROM serial) || ' figures)');
SELECT is((SELECT count(*) FROM (SELECT DISTINCT ds FROM serial) x), (SELECT count(*) FROM sets WHERE n > 0),
	'every non-empty dataset has a row; an empty one has none (as plain SQL)');

-- 3. the sketch: every percentile within 0.5 % of percentile_cont on the
--    values rounded to the microsecond
CREATE TABLE sketch_err AS
SELECT ds, pr, duration_percentile(duration_agg(dur), pr) AS est,
	percentile_cont(pr) WITHIN GROUP (ORDER BY round(dur::numeric, 6)) AS exact
FROM d, unnest(ARRAY[0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) pr GROUP BY ds, pr;
SELECT is((SELECT count(*) FROM sketch_err WHERE (est IS NULL) <> (exact IS NULL)
	OR abs(est - exact) > 0.005 * exact + 1e-9 * greatest(1, exact)), 0::bigint,
	'duration sketch: ' || (SELECT count(*) FROM sketch_err WHERE exact IS NOT NULL) || ' percentiles within 0.5 % of percentile_cont');

-- 4. serial = parallel = running window (last row) = rollup of sub-states
-- parallel: the rows of 700 datasets 4 times over (so that partial
-- aggregates pay off for the planner), serial and parallel
CREATE TABLE d4 AS SELECT d.* FROM d, generate_series(1, 4) WHERE ds <= 700;
ANALYZE d4;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial4 AS SELECT * FROM long_of(ext_sql('d4'));
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of(ext_sql('d4')) ~ 'Partial HashAggregate', 'parallel plan with partial aggregates');
CREATE TABLE par4 AS SELECT * FROM long_of(ext_sql('d4'));
SELECT is(mismatches('par4', 'serial4'), 0::bigint, 'parallel = serial, every KPI of every dataset, digit for digit ('
	|| (SELECT count(*) FROM par4) || ' figures)');
SELECT force_parallel(false) \g /dev/null
CREATE TABLE win AS SELECT * FROM long_of($q$SELECT DISTINCT ON (ds) * FROM (SELECT ds, i,
	nps(s10) OVER w, ces(c7) OVER w, ces_easy_pct(ces_agg(c7) OVER w) AS ces_easy, csat(q5) OVER w, csat_mean(csat_agg(q5) OVER w),
	share_pct(flag) OVER w AS share, aht(talk, hold, wrap) OVER w, occupancy(busy, avail) OVER w,
	resolution_time(dur, p) OVER w AS res_p, resolution_time(dur) OVER w AS res_median,
	duration_mean(duration_agg(dur) OVER w) AS dur_mean, duration_count(duration_agg(dur) OVER w) AS dur_count,
	event_count(contact_timeline(kind, at) OVER w) AS events, contact_duration(contact_timeline(kind, at) OVER w) AS duration,
	first_response_time(contact_timeline(kind, at) OVER w) AS frt,
	sl_pct(wait_s, answered, t_s, 5) OVER w AS sl_against, sl_pct(wait, answered, t, '5 s', 'ignore_early') OVER w AS sl_ignore_early,
	sl_pct(wait_s, answered, t_s, 5, 'favour') OVER w AS sl_favour, sl_pct(wait, answered, t, '5 s', 'answered_only') OVER w AS sl_answered_only,
	abandon_rate(wait_s, answered, 5) OVER w AS abandon_rate, asa(wait, answered) OVER w
	FROM d WINDOW w AS (PARTITION BY ds ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) z
	ORDER BY ds, i DESC$q$);
SELECT is(mismatches('win', 'serial'), 0::bigint, 'running window, last row = the aggregate, every KPI of every dataset');
CREATE TABLE subs AS
SELECT ds, sub, nps_agg(s10) n, ces_agg(c7) c, csat_agg(q5) q, share_agg(flag) s, handle_agg(talk, hold, wrap) h,
	occupancy_agg(busy, avail) o, duration_agg(dur) k,
	queue_agg(wait_s, answered, t_s, 5, 'against') qa, queue_agg(wait, answered, t, '5 s', 'ignore_early') qi,
	queue_agg(wait_s, answered, t_s, 5, 'favour') qf, queue_agg(wait, answered, t, '5 s', 'answered_only') qo
FROM d GROUP BY ds, sub;
CREATE TABLE roll AS
SELECT ds, x.kpi, x.v FROM (SELECT ds, nps(rollup(n)), ces(rollup(c)), ces_easy_pct(rollup(c)) AS ces_easy, csat(rollup(q)),
	csat_mean(rollup(q)), share_pct(rollup(s)) AS share, aht(rollup(h)), occupancy(rollup(o)),
	duration_mean(rollup(k)) AS dur_mean, duration_count(rollup(k)) AS dur_count,
	sl_pct(rollup(qa)) AS sl_against, sl_pct(rollup(qi)) AS sl_ignore_early, sl_pct(rollup(qf)) AS sl_favour,
	sl_pct(rollup(qo)) AS sl_answered_only, abandon_rate(rollup(qa)), asa(rollup(qa))
	FROM subs GROUP BY ds) w,
LATERAL (VALUES ('nps', nps), ('ces', ces), ('ces_easy', ces_easy), ('csat', csat), ('csat_mean', csat_mean), ('share', share),
	('aht', aht::numeric), ('occupancy', occupancy), ('dur_mean', dur_mean::numeric), ('dur_count', dur_count),
	('sl_against', sl_against), ('sl_ignore_early', sl_ignore_early), ('sl_favour', sl_favour),
	('sl_answered_only', sl_answered_only), ('abandon_rate', abandon_rate), ('asa', asa::numeric)) x(kpi, v);
SELECT is(mismatches('roll', '(SELECT * FROM serial WHERE kpi IN (SELECT kpi FROM roll)) s'), 0::bigint,
	'rollup of per-subgroup states = the aggregate over the rows, ' || (SELECT count(DISTINCT kpi) FROM roll) || ' KPIs');
SELECT is((SELECT count(*) FROM (SELECT ds, rollup(k)::text a FROM subs GROUP BY ds) x
	JOIN (SELECT ds, duration_agg(dur)::text a FROM d GROUP BY ds) y USING (ds) WHERE x.a IS DISTINCT FROM y.a), 0::bigint,
	'a rolled-up sketch is byte for byte the sketch of the rows');

-- 5. what the aggregate makes, its input takes back: 3000 random contacts of
--    every event kind (ties, operator ids, any order), text and binary
CREATE TABLE rand_events AS
SELECT c, (enum_range(NULL::contact_event_kind))[1 + floor(random() * 14)::int] AS kind,
	timestamptz '2026-01-01' + make_interval(secs => floor(random() * 30)::int) AS at,
	CASE WHEN random() < 0.3 THEN 'op' || floor(random() * 3)::int END AS op
FROM generate_series(1, 3000) c, generate_series(1, 1 + floor(random() * random() * 12)::int) k;
CREATE TABLE rand_timelines AS SELECT c, contact_timeline(kind, at, NULL, op) AS t FROM rand_events GROUP BY c;
SELECT is((SELECT count(*) FROM rand_timelines WHERE t::text::contact_timeline::text IS DISTINCT FROM t::text), 0::bigint,
	'every timeline of ' || (SELECT count(*) FROM rand_timelines) || ' random contacts reads back from its text form');
CREATE TABLE rand_back (c int, t contact_timeline);
SELECT binary_copy('rand_timelines', 'rand_back') \g /dev/null
SELECT is(mismatches('(SELECT c, t::text FROM rand_timelines) a', '(SELECT c, t::text FROM rand_back) b'), 0::bigint,
	'and from its binary form (binary COPY)');

SELECT * FROM finish();
DROP SCHEMA property CASCADE;

--
-- Customer-voice KPIs: NPS, CES, CSAT.
-- Values in the comments are computed by hand from ../shared/kpi-definitions.md.
--
SET extra_float_digits = 0;

CREATE TABLE survey (
	operator text,
	answered_on date,
	nps_score integer,
	ces_score integer,
	csat_score integer
);
-- anna: nps 10,10,9,8,7,6,3,NULL  -> 3 promoters, 2 passives, 2 detractors of 7
-- boris: nps 9,9,9,9,9,9,9,9,9,0,0 -> 9 promoters, 2 detractors of 11 (the definitions' example)
INSERT INTO survey VALUES
	('anna', '2026-01-05', 10, 7, 5),
	('anna', '2026-01-06', 10, 6, 5),
	('anna', '2026-01-20', 9, 5, 4),
	('anna', '2026-02-02', 8, 4, 3),
	('anna', '2026-02-03', 7, 3, 2),
	('anna', '2026-02-10', 6, 2, 1),
	('anna', '2026-02-11', 3, 1, NULL),
	('anna', '2026-02-12', NULL, NULL, NULL);
INSERT INTO survey
	SELECT 'boris', date '2026-01-01' + i, CASE WHEN i <= 9 THEN 9 ELSE 0 END, 7, 5
	FROM generate_series(1, 11) i;

-- NPS per operator: anna (3 - 2) * 100 / 7 = 14.29; boris (9 - 2) * 100 / 11 = 63.64
SELECT operator, nps(nps_score), round(nps(nps_score), 2) AS nps_2dp
FROM survey GROUP BY operator ORDER BY operator;

-- The shares behind it, and the margin of error (boris: se 23.26, 95 % CI [18.05, 100])
SELECT operator,
	round(promoters_pct(st), 2) AS promoters,
	round(passives_pct(st), 2) AS passives,
	round(detractors_pct(st), 2) AS detractors,
	responses(st),
	round(nps_stderr(st), 2) AS stderr,
	round(nps_ci_lower(st), 2) AS ci_low,
	round(nps_ci_upper(st), 2) AS ci_high,
	round(nps_ci_lower(st, 0.80), 2) AS ci80_low
FROM (SELECT operator, nps_agg(nps_score) AS st FROM survey GROUP BY operator) s
ORDER BY operator;

-- CES (1..7): anna mean (7+6+5+4+3+2+1)/7 = 4; easy (6-7) 2/7; difficult (1-3) 3/7
SELECT operator, ces(ces_score), round(ces_easy_pct(ces_agg(ces_score)), 2) AS easy,
	round(ces_difficult_pct(ces_agg(ces_score)), 2) AS difficult,
	round(ces_index(ces_agg(ces_score)), 2) AS index
FROM survey GROUP BY operator ORDER BY operator;

-- The definitions' CES example: mean 4.08, easy 30 %, difficult 43 %, index -13
WITH c(score, n) AS (VALUES (1, 80), (2, 210), (3, 140), (4, 110), (5, 160), (6, 180), (7, 120))
SELECT ces(st), ces_easy_pct(st), ces_difficult_pct(st), ces_index(st), responses(st)
FROM (SELECT ces_agg(score) AS st FROM c, generate_series(1, n)) s;

-- CES on a 1..5 scale: easy is 4-5, difficult 1-2
SELECT ces(s, 5), ces_easy_pct(ces_agg(s, 5)), ces_difficult_pct(ces_agg(s, 5)),
	score_counts(ces_agg(s, 5))
FROM (VALUES (1), (2), (3), (4), (5), (5)) v(s);

-- CSAT (1..5, % of 4-5): anna 3 of 6 = 50 %, mean 20/6; boris 100 %
SELECT operator, csat(csat_score), csat_mean(csat_agg(csat_score)),
	round(csat_ci_lower(csat_agg(csat_score)), 2) AS ci_low,
	round(csat_ci_upper(csat_agg(csat_score)), 2) AS ci_high
FROM survey GROUP BY operator ORDER BY operator;

-- CSAT on 1..10: top two points are 9-10
SELECT csat(s, 10) FROM (VALUES (10), (9), (8), (1)) v(s);

-- Wilson interval, the definitions' example: 13 of 16 -> [56.99, 93.41] %
SELECT round(csat_ci_lower(st), 2), round(csat_ci_upper(st), 2)
FROM (SELECT csat_agg(CASE WHEN i <= 13 THEN 5 ELSE 1 END) st FROM generate_series(1, 16) i) s;

-- NULLs are ignored; no non-NULL score gives NULL
SELECT nps(s) IS NULL AS nps_null, ces(s) IS NULL AS ces_null, csat(s) IS NULL AS csat_null,
	nps_agg(s) IS NULL AS state_null
FROM (VALUES (NULL::integer), (NULL)) v(s);
SELECT nps(s) IS NULL AS empty_nps FROM generate_series(1, 0) s;
SELECT nps(s), ces(s), csat(s) FROM (VALUES (NULL::integer), (5), (NULL)) v(s);

-- Two-step form: store monthly states, roll them up to the quarter
CREATE TABLE monthly AS
SELECT operator, date_trunc('month', answered_on)::date AS month,
	nps_agg(nps_score) AS nps_st, ces_agg(ces_score) AS ces_st, csat_agg(csat_score) AS csat_st
FROM survey GROUP BY 1, 2;
SELECT operator, month, nps_st FROM monthly ORDER BY 1, 2;
SELECT operator, nps(rollup(nps_st)), ces(rollup(ces_st)), csat(rollup(csat_st))
FROM monthly GROUP BY operator ORDER BY operator;
-- team: the rollup of everything equals the one-shot aggregate over raw rows
SELECT nps(rollup(nps_st)) = (SELECT nps(nps_score) FROM survey) AS same_nps,
	ces(rollup(ces_st)) = (SELECT ces(ces_score) FROM survey) AS same_ces,
	csat(rollup(csat_st)) = (SELECT csat(csat_score) FROM survey) AS same_csat
FROM monthly;

-- Rolling window: NPS of the last 3 answers, per operator
SELECT operator, answered_on, nps_score,
	round(nps(nps_score) OVER w, 2) AS nps_last3
FROM survey WHERE operator = 'anna'
WINDOW w AS (PARTITION BY operator ORDER BY answered_on ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
ORDER BY answered_on;

-- Text form of the states (round-trips exactly)
SELECT nps_agg(nps_score)::text, ces_agg(ces_score)::text, csat_agg(csat_score)::text
FROM survey WHERE operator = 'anna';
SELECT '{"version":1,"kind":"ces","scale":[1,7],"counts":[1,2,3,4,5,6,7]}'::ces_state;
SELECT ces('{"version":1,"kind":"ces","scale":[1,7],"counts":[1,2,3,4,5,6,7]}'::ces_state);

-- Errors
SELECT nps(11);
SELECT nps(-1);
SELECT ces(0);
SELECT ces(8);
SELECT ces(6, 5);
SELECT ces(3, 2);
SELECT ces(3, 101);
SELECT csat(3, NULL);
SELECT csat(s, CASE WHEN s = 1 THEN 5 ELSE 10 END) FROM generate_series(1, 3) s;
SELECT ces(rollup(st)) FROM (SELECT ces_agg(3) UNION ALL SELECT ces_agg(3, 5)) v(st);
SELECT nps_ci_lower(nps_agg(9), 1.5);
SELECT nps_state_accum(NULL, 9);
SELECT '{"version":1,"kind":"nps","scale":[0,10],"counts":[1]}'::nps_state;
SELECT '{"version":9,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,0]}'::nps_state;
SELECT '{"version":1,"kind":"csat","scale":[1,5],"counts":[0,0,0,0,-1]}'::csat_state;
SELECT 'nonsense'::csat_state;

-- Percentages of small counts come from a memo (fractions n <= 63 of a
-- rolling window): byte for byte what num * 100.0 / n gives, for every
-- fraction up to 70 responses (past the memo's 63 too), twice (the second
-- pass reads the memo), and for counts far past it
SELECT pass, count(*) AS fractions,
	count(*) FILTER (WHERE numeric_send(nps(nps_state(ARRAY[d, 0, 0, 0, 0, 0, 0, n - p - d, 0, 0, p]::bigint[])))
		IS DISTINCT FROM numeric_send((p - d) * 100.0 / n)) AS nps_wrong,
	count(*) FILTER (WHERE numeric_send(csat(csat_state(ARRAY[d, 0, n - p - d, p, 0]::bigint[])))
		IS DISTINCT FROM numeric_send(p * 100.0 / n)) AS csat_wrong,
	count(*) FILTER (WHERE numeric_send(sl_pct(queue_state(n - d, p, d, 0, 0, 0)))
		IS DISTINCT FROM numeric_send(p * 100.0 / n)) AS sl_wrong
FROM generate_series(1, 2) pass, generate_series(1, 70) n, generate_series(0, n) p, generate_series(0, n - p) d
GROUP BY pass ORDER BY pass;
SELECT n, k, nps(nps_state(ARRAY[k, 0, 0, 0, 0, 0, 0, 0, 0, 0, n - k]::bigint[])) AS nps,
	(n - 2 * k) * 100.0 / n AS nps_sql, csat(csat_state(ARRAY[n - k, 0, 0, k, 0]::bigint[])) AS csat
FROM (VALUES (64::bigint), (1000000007), (4611686018427387903)) v(n), LATERAL (VALUES (0::bigint), (1), (n / 3), (n)) w(k)
ORDER BY n, k;
-- rolling windows (memo hits, misses past 63 rows, NULL and empty frames),
-- grouped and parallel: equal to the hand SQL row for row
CREATE TABLE memo_votes AS
SELECT i AS id, i % 7 AS g, CASE WHEN i % 5 = 0 OR i BETWEEN 200 AND 260 THEN NULL ELSE (i * 7) % 11 END AS s,
	CASE WHEN i % 6 = 0 OR i BETWEEN 200 AND 260 THEN NULL ELSE (i * 3) % 5 + 1 END AS q,
	((i * 13) % 60)::float8 AS w, i % 9 <> 0 AS a
FROM generate_series(1, 3000) i;
SELECT frame, count(*) AS rows_compared,
	count(*) FILTER (WHERE nps_w IS DISTINCT FROM nps_h) AS nps_wrong,
	count(*) FILTER (WHERE csat_w IS DISTINCT FROM csat_h) AS csat_wrong,
	count(*) FILTER (WHERE sl_w IS DISTINCT FROM sl_h) AS sl_wrong,
	count(*) FILTER (WHERE nps_w IS NULL) AS nps_null
FROM (
	SELECT 30 AS frame, nps(s) OVER w AS nps_w,
		(count(*) FILTER (WHERE s >= 9) OVER w - count(*) FILTER (WHERE s <= 6) OVER w) * 100.0 / NULLIF(count(s) OVER w, 0) AS nps_h,
		csat(q) OVER w AS csat_w, count(*) FILTER (WHERE q >= 4) OVER w * 100.0 / NULLIF(count(q) OVER w, 0) AS csat_h,
		sl_pct(w, a, 20) OVER w AS sl_w, count(*) FILTER (WHERE a AND w <= 20) OVER w * 100.0 / NULLIF(count(a) OVER w, 0) AS sl_h
	FROM memo_votes WINDOW w AS (ORDER BY id ROWS 29 PRECEDING)
	UNION ALL
	SELECT 100, nps(s) OVER w,
		(count(*) FILTER (WHERE s >= 9) OVER w - count(*) FILTER (WHERE s <= 6) OVER w) * 100.0 / NULLIF(count(s) OVER w, 0),
		csat(q) OVER w, count(*) FILTER (WHERE q >= 4) OVER w * 100.0 / NULLIF(count(q) OVER w, 0),
		sl_pct(w, a, 20) OVER w, count(*) FILTER (WHERE a AND w <= 20) OVER w * 100.0 / NULLIF(count(a) OVER w, 0)
	FROM memo_votes WINDOW w AS (ORDER BY id ROWS 99 PRECEDING)) x
GROUP BY frame ORDER BY frame;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) AS groups,
	count(*) FILTER (WHERE ours IS DISTINCT FROM hand) AS wrong
FROM (SELECT g, nps(s) AS ours,
		(count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) * 100.0 / NULLIF(count(s), 0) AS hand
	FROM memo_votes WHERE id <= 60 GROUP BY g
	UNION ALL
	SELECT NULL, nps(s), (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) * 100.0 / NULLIF(count(s), 0)
	FROM memo_votes) x;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE memo_votes;

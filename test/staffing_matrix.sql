-- pgTAP: Erlang C against the textbook factorial formula (exact numeric
-- arithmetic in SQL) on a grid of traffic and agents, and its invariants.
\set schema staffing_matrix
\ir helpers.psql

SELECT plan(22);

-- P_w = (A^N / N! x N / (N - A)) / (sum_{k<N} A^k / k! + A^N / N! x N / (N - A)),
-- in numeric, for A = contacts x aht / interval
CREATE FUNCTION textbook_pw(a numeric, n int) RETURNS numeric LANGUAGE sql AS $$
	SELECT top / (bottom + top)
	FROM (SELECT power(a, n) / factorial(n) * n / (n - a) AS top,
		(SELECT sum(power(a, k) / factorial(k)) FROM generate_series(0, n - 1) k) AS bottom) x
$$;

CREATE TABLE grid AS
SELECT contacts, n, contacts * 180 / 1800.0 AS a
FROM generate_series(10, 300, 10) contacts, generate_series(1, 45) n
WHERE n > contacts * 180 / 1800.0;

SELECT ok((SELECT count(*) FROM grid) > 500, 'grid of traffic 1..30 Erlangs and 1..45 agents');
SELECT is((SELECT count(*) FROM grid
	WHERE abs(erlang_c_pw(contacts, 1800, 180, n) - textbook_pw(a, n)::float8) > 1e-12), 0::bigint,
	'P(wait) equals the factorial formula to 1e-12 on every stable point of the grid');
SELECT is((SELECT count(*) FROM grid
	WHERE abs(erlang_c_sl(contacts, 1800, 180, n, 20)
		- (1 - textbook_pw(a, n)::float8 * exp(-(n - a::float8) * 20 / 180))) > 1e-12), 0::bigint,
	'SL(20 s) = 1 - P(wait) exp(-(N - A) T / AHT) on every point');
SELECT is((SELECT count(*) FROM grid
	WHERE abs(erlang_c_asa(contacts, 1800, 180, n) - textbook_pw(a, n)::float8 * 180 / (n - a::float8)) > 1e-9), 0::bigint,
	'ASA = P(wait) AHT / (N - A) on every point');

-- published example
SELECT ok(abs(erlang_c_pw(100, 1800, 180, 14) - 0.1741319335950498) < 1e-15, 'P(wait), 10 Erlangs, 14 agents = 0.1741319335950498');
SELECT ok(abs(erlang_c_sl(100, 1800, 180, 14, 20) - 0.8883500191794669) < 1e-15, 'SL(20 s), 14 agents = 0.8883500191794669');
SELECT is(erlang_c_agents(100, 1800, 180, 0.8, 20), 14, '14 agents for 80/20');
SELECT is(erlang_c_agents(100, 1800, 180, 0.8, 20, 0.7), 15, '15 agents when occupancy may not exceed 70 %');

-- invariants: agents() is the smallest N meeting the target, on many targets
SELECT is((SELECT count(*) FROM (SELECT contacts, t, erlang_c_agents(contacts, 1800, 180, t, 20) AS n
		FROM generate_series(10, 300, 10) contacts, unnest(ARRAY[0.5, 0.8, 0.9, 0.95, 0.99]) t) x
	WHERE NOT (erlang_c_sl(contacts, 1800, 180, n, 20) >= t
		AND (n - 1 <= contacts * 180 / 1800.0 OR erlang_c_sl(contacts, 1800, 180, n - 1, 20) < t))), 0::bigint,
	'erlang_c_agents is the smallest agent count that meets the target');
SELECT is((SELECT count(*) FROM generate_series(11, 60) n
	WHERE erlang_c_sl(100, 1800, 180, n + 1, 20) < erlang_c_sl(100, 1800, 180, n, 20)), 0::bigint,
	'SL never falls when an agent is added');
SELECT ok(erlang_c_pw(50000, 1800, 180, 5100) BETWEEN 0 AND 1, 'large traffic (5000 Erlangs): a probability, no overflow');
SELECT is(erlang_c_pw(100, 1800, 180, 10), 1::float8, 'agents = traffic: P(wait) = 1');
SELECT throws_ok('SELECT erlang_c_pw(100, 1800, 0, 14)', '22023', NULL, 'AHT 0 is rejected');
SELECT throws_ok('SELECT erlang_c_agents(100, 1800, 180, 1, 20)', '22023', NULL, 'a target of 100 % is rejected');

-- the _pct forms: 100 x the fraction forms, as numeric (float8::numeric of
-- the product), on the whole grid (stable and unstable points)
CREATE TABLE grid_all AS
SELECT contacts, n FROM generate_series(10, 300, 10) contacts, generate_series(1, 45) n;
SELECT is((SELECT count(*) FROM grid_all
	WHERE erlang_c_pw_pct(contacts, 1800, 180, n) IS DISTINCT FROM (100 * erlang_c_pw(contacts, 1800, 180, n))::numeric
		OR erlang_c_sl_pct(contacts, 1800, 180, n, 20) IS DISTINCT FROM (100 * erlang_c_sl(contacts, 1800, 180, n, 20))::numeric
		OR erlang_c_occupancy_pct(contacts, 1800, 180, n) IS DISTINCT FROM (100 * erlang_c_occupancy(contacts, 1800, 180, n))::numeric),
	0::bigint, 'erlang_c_pw_pct, erlang_c_sl_pct, erlang_c_occupancy_pct = 100 x the fraction forms on every point of the grid');
SELECT is((SELECT count(*) FROM grid_all
	WHERE NOT (erlang_c_pw_pct(contacts, 1800, 180, n) BETWEEN 0 AND 100
		AND erlang_c_sl_pct(contacts, 1800, 180, n, 20) BETWEEN 0 AND 100
		AND erlang_c_occupancy_pct(contacts, 1800, 180, n) BETWEEN 0 AND 100)), 0::bigint,
	'the _pct forms stay within 0..100');
SELECT is((SELECT count(*) FROM generate_series(10, 300, 10) contacts, unnest(ARRAY[50, 80, 80.5, 90, 95, 99]::float8[]) t,
		unnest(ARRAY[70, 85, 100]::float8[]) mo
	WHERE erlang_c_agents_pct(contacts, 1800, 180, t, 20, mo) <> erlang_c_agents(contacts, 1800, 180, t / 100, 20, mo / 100)
		OR erlang_c_agents_pct(contacts, 1800, 180, t, 20) <> erlang_c_agents(contacts, 1800, 180, t / 100, 20)), 0::bigint,
	'erlang_c_agents_pct(..., target %, ..., max occupancy %) = erlang_c_agents(..., target / 100, ..., max occupancy / 100) on every point');
SELECT is(erlang_c_sl_pct(100, 1800, 180, 14, 20), 88.8350019179467, 'SL(20 s), 14 agents = 88.8350019179467 %');
SELECT is(erlang_c_agents_pct(100, 1800, 180, 80, 20), 14, '14 agents for 80/20 through erlang_c_agents_pct(..., 80, 20)');
SELECT is(erlang_c_agents_pct(100, 1800, 180, 80, 20, 70), 15, '15 agents when occupancy may not exceed 70 %, in percent');
SELECT throws_ok('SELECT erlang_c_agents_pct(100, 1800, 180, 100, 20)', '22023',
	'target service level 100 % is outside the range (0, 100)', 'a target of 100 % is rejected in percent');
SELECT throws_ok('SELECT erlang_c_agents_pct(100, 1800, 180, 80, 20, 101)', '22023',
	'maximum occupancy 101 % is outside the range (0, 100]', 'a maximum occupancy above 100 % is rejected');

SELECT * FROM finish();
DROP SCHEMA staffing_matrix CASCADE;

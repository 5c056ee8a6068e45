--
-- Handling KPIs: AHT and occupancy.
--
SET extra_float_digits = 0;
CREATE TABLE handles (op text, talk interval, hold interval, wrap interval);
-- anna: 300 + 30 + 60 = 390 s; 200 + NULL + 40 = 240 s (a NULL component counts as zero);
-- all NULL: skipped; 100 + 0 + 20 = 120 s -> AHT (390 + 240 + 120) / 3 = 250 s
-- boris: 600 + 60 + 90 = 750 s
INSERT INTO handles VALUES
	('anna', '300 s', '30 s', '60 s'), ('anna', '200 s', NULL, '40 s'),
	('anna', NULL, NULL, NULL), ('anna', '100 s', '0 s', '20 s'),
	('boris', '10 min', '1 min', '90 s');

SELECT op, aht(talk, hold, wrap), aht(talk + coalesce(hold, '0') + wrap) AS aht_single,
	aht(extract(epoch FROM talk)::float8, extract(epoch FROM hold)::float8, extract(epoch FROM wrap)::float8) AS aht_seconds
FROM handles GROUP BY op ORDER BY op;

-- two-step: handle states per operator, the team AHT from the summed times (not the mean of AHTs)
CREATE TABLE handle_states AS SELECT op, handle_agg(talk, hold, wrap) AS st FROM handles GROUP BY op;
SELECT op, st FROM handle_states ORDER BY op;
SELECT aht(rollup(st)) AS team_aht, avg(aht(st)) AS mean_of_aht_wrong, handled(rollup(st)),
	handle_seconds(rollup(st)) FROM handle_states;

-- rolling AHT of the last 2 contacts
SELECT op, talk, aht(talk, hold, wrap) OVER (ORDER BY op, talk ROWS 1 PRECEDING) AS aht_last2
FROM handles ORDER BY op, talk;

-- occupancy: busy / (busy + available); anna 6 h / 8 h = 75 %, boris 5 h / 8 h = 62.5 %,
-- team 11 / 16 = 68.75 %; a NULL component counts as zero, both NULL: skipped
CREATE TABLE agent_states (op text, busy interval, available interval);
INSERT INTO agent_states VALUES
	('anna', '4 h', '1 h'), ('anna', '2 h', NULL), ('anna', NULL, '1 h'), ('anna', NULL, NULL),
	('boris', '5 h', '3 h');
SELECT op, occupancy(busy, available),
	occupancy(extract(epoch FROM busy)::float8, extract(epoch FROM available)::float8) AS seconds_form
FROM agent_states GROUP BY ROLLUP (op) ORDER BY op;
SELECT occupancy(rollup(st)), busy_seconds(rollup(st)), available_seconds(rollup(st))
FROM (SELECT op, occupancy_agg(busy, available) AS st FROM agent_states GROUP BY op) s;

-- NULLs and empty input
SELECT aht(t, h, w) IS NULL AS all_null FROM (VALUES (NULL::interval, NULL::interval, NULL::interval)) v(t, h, w);
SELECT occupancy(b, a) IS NULL AS zero_time FROM (VALUES ('0 s'::interval, '0 s'::interval)) v(b, a);

-- text form
SELECT '{"version":1,"kind":"handle","handled":2,"handle_us":500000000}'::handle_state;
SELECT aht('{"version":1,"kind":"handle","handled":2,"handle_us":500000000}'::handle_state);
SELECT '{"version":1,"kind":"occupancy","periods":1,"busy_us":3,"available_us":1}'::occupancy_state;
SELECT '{"version":1,"kind":"occupancy","periods":0,"busy_us":3,"available_us":1}'::occupancy_state;
-- a window frame of zero-time periods is a state (its occupancy is NULL: no time), not NULL
SELECT i, occupancy_agg(b, a) OVER (ORDER BY i ROWS 1 PRECEDING)
FROM (VALUES (1, '0 s'::interval, '0 s'::interval), (2, '0 s', '0 s')) v(i, b, a);

-- errors
SELECT aht('-1 s'::interval, '0 s', '0 s');
SELECT aht(10::float8, 'NaN', 0);
SELECT aht('Infinity'::float8);
SELECT occupancy('1 h'::interval, '-1 h');
SELECT '{"version":1,"kind":"handle","handled":-2,"handle_us":5}'::handle_state;
SELECT handle_state_accum(NULL, '1 s'::interval);

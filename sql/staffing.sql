--
-- Staffing: Erlang C.
--
SET extra_float_digits = 0;

-- The widely published example: 100 calls in 30 minutes, AHT 180 s -> A = 10 Erlangs.
-- With 14 agents: P(wait) 0.1741, SL(20 s) 0.8884, ASA 7.8 s, occupancy 0.714.
SELECT round(erlang_c_pw(100, 1800, 180, 14)::numeric, 10) AS p_wait,
	round(erlang_c_sl(100, 1800, 180, 14, 20)::numeric, 10) AS sl_20s,
	round(erlang_c_asa(100, 1800, 180, 14)::numeric, 4) AS asa_s,
	round(erlang_c_occupancy(100, 1800, 180, 14)::numeric, 4) AS occupancy;

-- 11..16 agents: 13 agents give 79.6 %, so 14 are needed for 80/20
SELECT n AS agents, round(erlang_c_sl(100, 1800, 180, n, 20)::numeric, 4) AS sl_20s,
	round(erlang_c_asa(100, 1800, 180, n)::numeric, 2) AS asa_s
FROM generate_series(11, 16) n;

-- agents needed: 14 for 80/20; 15 if occupancy may not exceed 70 %
SELECT erlang_c_agents(100, 1800, 180, 0.8, 20) AS agents_80_20,
	erlang_c_agents(100, 1800, 180, 0.8, 20, 0.7) AS agents_max_occ_70;
-- staff after 30 % shrinkage: ceil(N / (1 - s))
SELECT ceil(erlang_c_agents(100, 1800, 180, 0.8, 20) / (1 - 0.3)) AS staff;

-- large centres: no overflow (5000 Erlangs)
SELECT erlang_c_agents(30000, 1800, 300, 0.9, 20) AS agents,
	round(erlang_c_sl(30000, 1800, 300, erlang_c_agents(30000, 1800, 300, 0.9, 20), 20)::numeric, 4) AS sl;

-- unstable queue (agents <= traffic) and no traffic
SELECT erlang_c_pw(100, 1800, 180, 10) AS p_wait, erlang_c_sl(100, 1800, 180, 10, 20) AS sl,
	erlang_c_asa(100, 1800, 180, 9) AS asa, erlang_c_occupancy(100, 1800, 180, 9) AS occupancy;
SELECT erlang_c_pw(0, 1800, 180, 1) AS p_wait, erlang_c_sl(0, 1800, 180, 1, 20) AS sl;

-- errors
SELECT erlang_c_pw(100, 0, 180, 14);
SELECT erlang_c_pw(-1, 1800, 180, 14);
SELECT erlang_c_pw('NaN', 1800, 180, 14);
SELECT erlang_c_pw(100, 1800, 'Infinity', 14);
SELECT erlang_c_pw(100, 1800, 180, 0);
SELECT erlang_c_sl(100, 1800, 180, 14, -20);
SELECT erlang_c_agents(100, 1800, 180, 80, 20);
SELECT erlang_c_agents(100, 1800, 180, 0.8, 20, 1.5);
SELECT erlang_c_agents(1e9, 1, 1e3, 0.8, 20);

-- the _pct forms: the same figures on the 0..100 scale of the rest of the
-- API (numeric, 100 x the fraction), the target and maximum occupancy of
-- erlang_c_agents_pct as percentages
SELECT erlang_c_pw_pct(100, 1800, 180, 14) AS p_wait_pct,
	erlang_c_sl_pct(100, 1800, 180, 14, 20) AS sl_20s_pct,
	erlang_c_occupancy_pct(100, 1800, 180, 14) AS occupancy_pct,
	pg_typeof(erlang_c_sl_pct(100, 1800, 180, 14, 20)) AS type;
SELECT erlang_c_agents_pct(100, 1800, 180, 80, 20) AS agents_80_20,
	erlang_c_agents_pct(100, 1800, 180, 80, 20, 70) AS agents_max_occ_70,
	erlang_c_agents_pct(30000, 1800, 300, 90, 20) AS large;
SELECT erlang_c_pw_pct(100, 1800, 180, 10) AS p_wait, erlang_c_sl_pct(100, 1800, 180, 10, 20) AS sl,
	erlang_c_occupancy_pct(100, 1800, 180, 9) AS occupancy, erlang_c_sl_pct(0, 1800, 180, 1, 20) AS sl_no_traffic;
-- errors: the same checks, the target and maximum occupancy in percent
SELECT erlang_c_agents_pct(100, 1800, 180, 0.8, 20) AS agents_for_0_8_pct;
SELECT erlang_c_agents_pct(100, 1800, 180, 100, 20);
SELECT erlang_c_agents_pct(100, 1800, 180, 0, 20);
SELECT erlang_c_agents_pct(100, 1800, 180, 'NaN', 20);
SELECT erlang_c_agents_pct(100, 1800, 180, 80, 20, 0);
SELECT erlang_c_agents_pct(100, 1800, 180, 80, 20, 100.5);
SELECT erlang_c_sl_pct(100, 1800, 180, 14, -20);
SELECT erlang_c_pw_pct(100, 1800, 180, 0);
-- no contacts with an AHT / interval ratio that overflows: no traffic (0 * inf
-- would be NaN), so nobody waits and one agent is enough
SELECT erlang_c_pw(0, 1e-308, 1e308, 5) AS pw, erlang_c_pw_pct(0, 1e-308, 1e308, 5) AS pw_pct,
	erlang_c_sl_pct(0, 1e-308, 1e308, 5, 20) AS sl_pct, erlang_c_occupancy(0, 1e-308, 1e308, 5) AS occupancy,
	erlang_c_agents_pct(0, 1e-308, 1e308, 80, 20) AS agents;
SELECT erlang_c_pw(1, 1e-308, 1e308, 5);

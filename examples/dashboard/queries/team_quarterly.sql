-- page: quarters. Each team per quarter, merged from the stored monthly states
-- with rollup().
-- columns: quarter date, team text, operators bigint, contacts bigint, sl_pct numeric,
-- columns: aht_seconds double precision, chat_frt_seconds double precision,
-- columns: fcr_pct numeric, transfer_pct numeric, csat_pct numeric, nps numeric
SELECT quarter, team, operators, contacts, sl_pct, aht_seconds, chat_frt_seconds,
       fcr_pct, transfer_pct, csat_pct, nps
FROM bi.team_quarterly
ORDER BY quarter, team

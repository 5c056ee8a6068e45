-- page: operators. Every operator per month beside the team (pooled) and the
-- change against the operator's previous month; the page filters by month.
-- columns: period date, team text, operator_id text, handled bigint,
-- columns: team_avg_handled numeric, aht_seconds double precision,
-- columns: team_aht_seconds double precision, chat_frt_seconds double precision,
-- columns: team_chat_frt_seconds double precision, csat_pct numeric, team_csat_pct numeric,
-- columns: fcr_pct numeric, team_fcr_pct numeric, handled_change bigint,
-- columns: aht_change_seconds double precision, chat_frt_change_seconds double precision,
-- columns: csat_change_pct numeric, fcr_change_pct numeric
SELECT period, team, operator_id, handled, team_avg_handled,
       aht_seconds, team_aht_seconds, chat_frt_seconds, team_chat_frt_seconds,
       csat_pct, team_csat_pct, fcr_pct, team_fcr_pct,
       handled_change, aht_change_seconds, chat_frt_change_seconds, csat_change_pct, fcr_change_pct
FROM bi.operator_scorecard
WHERE grain = 'month'
ORDER BY period, team, operator_id

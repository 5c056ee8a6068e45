-- page: index (monthly report). One row per month of bi.kpi_monthly: volumes,
-- the KPIs, and the three targets the view carries (kpi_targets) with met flags.
-- columns: month date, contacts bigint, chats bigint, calls bigint, emails bigint,
-- columns: sl_pct numeric, sl_target_pct numeric, sl_met boolean, abandon_rate_pct numeric,
-- columns: chat_frt_seconds double precision, chat_frt_target_seconds double precision,
-- columns: chat_frt_met boolean, aht_seconds double precision, fcr_pct numeric,
-- columns: avg_rating numeric, avg_rating_target numeric, avg_rating_met boolean,
-- columns: nps numeric, csat_pct numeric
SELECT month, contacts, chats, calls, emails,
       sl_pct, sl_target_pct, sl_met, abandon_rate_pct,
       chat_frt_seconds, chat_frt_target_seconds, chat_frt_met,
       aht_seconds, fcr_pct,
       avg_rating, avg_rating_target, avg_rating_met,
       nps, csat_pct
FROM bi.kpi_monthly
ORDER BY month

-- page: index (monthly report). One row per month of bi.kpi_monthly: volumes with
-- their forecast (within plan: within +-10 %), the KPIs, each with its target and
-- met flag (the view's kpi_met over the unrounded figure; NULL where no target).
-- columns: month date, contacts bigint, chats bigint, calls bigint, emails bigint,
-- columns: chats_plan bigint, chats_within_plan boolean, calls_plan bigint, calls_within_plan boolean,
-- columns: sl_pct numeric, sl_target_pct numeric, sl_met boolean,
-- columns: abandon_rate_pct numeric, abandon_rate_target_pct numeric, abandon_rate_met boolean,
-- columns: chat_frt_seconds double precision, chat_frt_target_seconds double precision,
-- columns: chat_frt_met boolean,
-- columns: aht_seconds double precision, aht_target_seconds double precision, aht_met boolean,
-- columns: fcr_pct numeric, fcr_target_pct numeric, fcr_met boolean,
-- columns: avg_rating numeric, avg_rating_target numeric, avg_rating_met boolean,
-- columns: nps numeric, nps_target numeric, nps_met boolean, csat_pct numeric
SELECT month, contacts, chats, calls, emails,
       chats_plan, chats_within_plan, calls_plan, calls_within_plan,
       sl_pct, sl_target_pct, sl_met,
       abandon_rate_pct, abandon_rate_target_pct, abandon_rate_met,
       chat_frt_seconds, chat_frt_target_seconds, chat_frt_met,
       aht_seconds, aht_target_seconds, aht_met,
       fcr_pct, fcr_target_pct, fcr_met,
       avg_rating, avg_rating_target, avg_rating_met,
       nps, nps_target, nps_met, csat_pct
FROM bi.kpi_monthly
ORDER BY month

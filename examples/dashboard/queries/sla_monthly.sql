-- page: sla. Service level per month, channel and product with the Wilson 95 %
-- interval and the channel's target.
-- columns: month date, channel text, product text, threshold_seconds double precision,
-- columns: target_pct numeric, offered bigint, answered_within bigint, sl_pct numeric,
-- columns: sl_ci_low numeric, sl_ci_high numeric, met boolean
SELECT month, channel, product, threshold_seconds, target_pct,
       offered, answered_within, sl_pct, sl_ci_low, sl_ci_high, met
FROM bi.sla_monthly
ORDER BY month, channel, product

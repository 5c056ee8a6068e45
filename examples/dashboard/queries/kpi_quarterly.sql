-- page: quarters. The whole line per quarter, merged from the stored monthly
-- states with rollup().
-- columns: quarter date, contacts bigint, offered bigint, sl_pct numeric,
-- columns: abandon_rate_pct numeric, aht_seconds double precision, fcr_pct numeric,
-- columns: resolution_p90_seconds double precision, csat_pct numeric, avg_rating numeric,
-- columns: nps numeric, ces numeric
SELECT quarter, contacts, offered, sl_pct, abandon_rate_pct, aht_seconds, fcr_pct,
       resolution_p90_seconds, csat_pct, avg_rating, nps, ces
FROM bi.kpi_quarterly
ORDER BY quarter

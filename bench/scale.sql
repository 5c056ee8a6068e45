-- bench/scale.sql: the data of the scale run (bench/scale.sh, `make bench-100m`):
-- :rows rows of bench_votes (the columns the headline KPIs read, generated as
-- in bench/kpis.sql) and :rows contact events (12 per contact) in bench_events.
\pset pager off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS support_kpi;
DROP TABLE IF EXISTS bench_votes, bench_events;
CREATE UNLOGGED TABLE bench_votes AS
SELECT CASE WHEN h % 25 = 0 THEN NULL ELSE h % 11 END AS s,
	i % 1000 AS g,
	((h / 1925) % 600) / 10.0::float8 AS w,
	((h / 7) % 6000) / 10.0::float8 AS talk,
	CASE WHEN (h / 13) % 3 = 0 THEN NULL ELSE ((h / 13) % 600) / 10.0::float8 END AS hold,
	((h / 17) % 1200) / 10.0::float8 AS wrap,
	(h / 1155) % 100 >= 8 AS a,
	CASE WHEN (h / 41) % 10 = 0 THEN NULL ELSE ((h / 31) % 100000) * ((h / 37) % 100 + 1) / 10.0::float8 END AS res
FROM (SELECT i, abs(hashint4(i)) AS h FROM generate_series(1, :rows) i) x;
CREATE UNLOGGED TABLE bench_events AS
SELECT i / 12 AS c, (ARRAY['customer_message', 'customer_message', 'customer_message', 'operator_message',
		'operator_message', 'operator_message', 'bot_message', 'assigned', 'resolved'])[1 + h % 9]::contact_event_kind AS kind,
	timestamptz '2026-01-01' + (i / 12) * interval '30 s' + ((h / 9) % 600) * interval '1 s' AS at
FROM (SELECT i, abs(hashint4(i)) AS h FROM generate_series(0, :rows - 1) i) x;
VACUUM ANALYZE bench_votes;
VACUUM ANALYZE bench_events;
SELECT format('bench_votes %s, bench_events %s', pg_size_pretty(pg_total_relation_size('bench_votes')),
	pg_size_pretty(pg_total_relation_size('bench_events')));
-- the time and the temporary files of one query, from EXPLAIN ANALYZE (TIMING OFF: no per-node clock)
CREATE SCHEMA IF NOT EXISTS bench;
CREATE OR REPLACE FUNCTION bench.measure(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE j json; temp_blocks bigint;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ' || q INTO j;
	temp_blocks := coalesce((j -> 0 -> 'Plan' ->> 'Temp Written Blocks')::bigint, 0);
	RETURN format('%s|%s', round((j -> 0 ->> 'Execution Time')::numeric), round(temp_blocks * 8192 / 1048576.0));
EXCEPTION WHEN others THEN
	RETURN format('error: %s (SQLSTATE %s)', SQLERRM, SQLSTATE);
END $$;

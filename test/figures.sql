-- pgTAP (issue 20): figures(state) returns every figure of a state in one row;
-- each column equals the accessor of the same name, for every state type and
-- for states of all shapes (NULL, all-NULL input, one row, many rows, rollups),
-- and the planner inlines it (the state is built once and read in one place).
\set schema figures
\ir helpers.psql

SELECT plan(20);
SET TimeZone = 'UTC';
-- a month of the demo line: 8 800 contacts, their events; states per operator (NULL operator included),
-- per channel and over everything, plus a NULL state and a state of only NULL inputs
CREATE TABLE c AS SELECT * FROM generate_demo_contacts(1, '2026-03-01', 7);
CREATE TABLE e AS SELECT * FROM generate_demo_events(1, '2026-03-01', 7);
CREATE TABLE st AS
SELECT operator_id::text AS k, nps_agg(nps) AS n, ces_agg(ces) AS ce, csat_agg(rating) AS cs,
	share_agg(first_contact_resolved) AS sh, queue_agg(wait_seconds::float8, answered, 20::float8, 5::float8) AS q,
	handle_agg(talk_seconds::float8, hold_seconds::float8, wrap_seconds::float8) AS h,
	occupancy_agg(handle_seconds::float8, wait_seconds::float8) AS o, duration_agg(handle_seconds::float8) AS d
FROM c GROUP BY operator_id
UNION ALL
SELECT 'channel ' || channel, nps_agg(nps), ces_agg(ces), csat_agg(rating), share_agg(first_contact_resolved),
	queue_agg(wait_seconds::float8, answered, 20::float8, 5::float8), handle_agg(talk_seconds::float8, hold_seconds::float8, wrap_seconds::float8),
	occupancy_agg(handle_seconds::float8, wait_seconds::float8), duration_agg(handle_seconds::float8)
FROM c GROUP BY channel
UNION ALL
SELECT 'one row', nps_agg(nps), ces_agg(ces), csat_agg(rating), share_agg(first_contact_resolved),
	queue_agg(wait_seconds::float8, answered, 20::float8, 5::float8), handle_agg(talk_seconds::float8, hold_seconds::float8, wrap_seconds::float8),
	occupancy_agg(handle_seconds::float8, wait_seconds::float8), duration_agg(handle_seconds::float8)
FROM (SELECT * FROM c WHERE nps IS NOT NULL AND ces IS NOT NULL AND rating IS NOT NULL ORDER BY contact_id LIMIT 1) x
UNION ALL
SELECT 'only NULL inputs', nps_agg(NULL::int), ces_agg(NULL::int), csat_agg(NULL::int), share_agg(NULL::boolean),
	queue_agg(NULL::float8, NULL::boolean, 20::float8, 5::float8), handle_agg(NULL::float8, NULL::float8, NULL::float8),
	occupancy_agg(NULL::float8, NULL::float8), duration_agg(NULL::float8)
UNION ALL
SELECT 'NULL state', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
UNION ALL
SELECT 'rollup', rollup(n), rollup(ce), rollup(cs), rollup(sh), rollup(q), rollup(h), rollup(o), rollup(d)
FROM (SELECT nps_agg(nps) n, ces_agg(ces) ce, csat_agg(rating) cs, share_agg(first_contact_resolved) sh,
	queue_agg(wait_seconds::float8, answered, 20::float8, 5::float8) q, handle_agg(talk_seconds::float8, hold_seconds::float8, wrap_seconds::float8) h,
	occupancy_agg(handle_seconds::float8, wait_seconds::float8) o, duration_agg(handle_seconds::float8) d
	FROM c GROUP BY queue) y;
CREATE TABLE tl AS
SELECT contact_id, contact_timeline(kind, at, party, operator_id) AS t FROM e GROUP BY contact_id
UNION ALL SELECT -1, NULL;

SELECT cmp_ok((SELECT count(*) FROM st), '>=', 25::bigint, 'states of every shape: per operator, channel, one row, only NULLs, NULL, rollup');
SELECT is((SELECT count(*) FROM st s, LATERAL figures(s.n) f WHERE (f.nps, f.promoters_pct, f.passives_pct, f.detractors_pct,
	f.nps_stderr, f.responses) IS DISTINCT FROM (nps(s.n), promoters_pct(s.n), passives_pct(s.n), detractors_pct(s.n),
	nps_stderr(s.n), responses(s.n))), 0::bigint, 'figures(nps_state) = the six accessors');
SELECT is((SELECT count(*) FROM st s, LATERAL figures(s.ce) f WHERE (f.ces, f.ces_easy_pct, f.ces_difficult_pct, f.ces_index,
	f.responses) IS DISTINCT FROM (ces(s.ce), ces_easy_pct(s.ce), ces_difficult_pct(s.ce), ces_index(s.ce), responses(s.ce))),
	0::bigint, 'figures(ces_state) = the five accessors');
SELECT is((SELECT count(*) FROM st s, LATERAL figures(s.cs) f WHERE (f.csat, f.csat_mean, f.responses)
	IS DISTINCT FROM (csat(s.cs), csat_mean(s.cs), responses(s.cs))), 0::bigint, 'figures(csat_state) = the three accessors');
SELECT is((SELECT count(*) FROM st s, LATERAL figures(s.sh) f WHERE (f.share_pct, f.share_hits, f.share_total)
	IS DISTINCT FROM (share_pct(s.sh), share_hits(s.sh), share_total(s.sh))), 0::bigint, 'figures(share_state) = the three accessors');
SELECT is((SELECT count(*) FROM st s, LATERAL figures(s.q) f WHERE (f.sl_pct, f.abandon_rate, f.asa, f.offered, f.answered,
	f.answered_within, f.abandoned, f.short_abandoned) IS DISTINCT FROM (sl_pct(s.q), abandon_rate(s.q), asa(s.q), offered(s.q),
	answered(s.q), answered_within(s.q), abandoned(s.q), short_abandoned(s.q))), 0::bigint, 'figures(queue_state) = the eight accessors');
SELECT is((SELECT count(*) FROM st s, LATERAL figures(s.h) f WHERE (f.aht, f.handled, f.handle_seconds)
	IS DISTINCT FROM (aht(s.h), handled(s.h), handle_seconds(s.h))), 0::bigint, 'figures(handle_state) = the three accessors');
SELECT is((SELECT count(*) FROM st s, LATERAL figures(s.o) f WHERE (f.occupancy, f.busy_seconds, f.available_seconds)
	IS DISTINCT FROM (occupancy(s.o), busy_seconds(s.o), available_seconds(s.o))), 0::bigint, 'figures(occupancy_state) = the three accessors');
SELECT is((SELECT count(*) FROM st s, LATERAL figures(s.d) f WHERE (f.duration_count, f.duration_mean, f.duration_min,
	f.duration_median, f.duration_p90, f.duration_p95, f.duration_p99, f.duration_max) IS DISTINCT FROM (duration_count(s.d),
	duration_mean(s.d), duration_min(s.d), duration_median(s.d), duration_percentile(s.d, 0.9), duration_percentile(s.d, 0.95),
	duration_percentile(s.d, 0.99), duration_max(s.d))), 0::bigint, 'figures(duration_sketch) = the accessors and the 0.9 / 0.95 / 0.99 percentiles');
SELECT is((SELECT count(*) FROM tl s, LATERAL figures(s.t) f WHERE (f.first_event_at, f.first_customer_message_at,
	f.first_response_time, f.avg_response_time, f.max_response_time, f.response_turns, f.assignment_to_reply_time, f.handle_time,
	f.hold_time, f.contact_duration, f.time_to_resolution, f.message_count, f.event_count, f.transfer_count, f.reopen_count,
	f.operator_count, f.bot_handoff, f.is_abandoned, f.is_resolved) IS DISTINCT FROM (first_event_at(s.t),
	first_customer_message_at(s.t), first_response_time(s.t), avg_response_time(s.t), max_response_time(s.t), response_turns(s.t),
	assignment_to_reply_time(s.t), handle_time(s.t), hold_time(s.t), contact_duration(s.t), time_to_resolution(s.t),
	message_count(s.t), event_count(s.t), transfer_count(s.t), reopen_count(s.t), operator_count(s.t), bot_handoff(s.t),
	is_abandoned(s.t), is_resolved(s.t))), 0::bigint, 'figures(contact_timeline) = the nineteen accessors, every contact of the month');
-- figures by hand: NPS of 10, 9, 3, 7 and a NULL: 2 promoters, 1 passive, 1 detractor of 4 = 25; queue of
-- waits 10 s and 30 s answered, 3 s and 40 s abandoned, threshold 20 s, short abandons under 5 s: offered 3
-- (the 3 s abandon is short), answered 2, within 1, SL 1/3, abandon rate 1/3, ASA 20 s
SELECT is((SELECT row(f.nps, f.promoters_pct, f.passives_pct, f.detractors_pct, f.responses)::text
	FROM (SELECT nps_agg(s) x FROM (VALUES (10), (9), (3), (7), (NULL)) v(s)) y, LATERAL figures(y.x) f),
	'(25.0000000000000000,50.0000000000000000,25.0000000000000000,25.0000000000000000,4)', 'NPS figures by hand');
SELECT is((SELECT row(round(f.sl_pct, 4), round(f.abandon_rate, 4), f.asa, f.offered, f.answered, f.answered_within, f.abandoned, f.short_abandoned)::text
	FROM (SELECT queue_agg(w, a, 20::float8, 5::float8) x FROM (VALUES (10::float8, true), (30, true), (3, false), (40, false)) v(w, a)) y,
	LATERAL figures(y.x) f), '(33.3333,33.3333,20,3,2,1,1,1)', 'queue figures by hand (a short abandon left out of offered)');
SELECT is((SELECT row(f.first_response_time, f.avg_response_time, f.response_turns, f.message_count, f.is_resolved)::text
	FROM (SELECT contact_timeline(k::contact_event_kind, at) x FROM (VALUES ('customer_message', timestamptz '2026-03-02 10:00'),
		('operator_message', '2026-03-02 10:01'), ('customer_message', '2026-03-02 10:05'), ('operator_message', '2026-03-02 10:08'),
		('resolved', '2026-03-02 10:09')) v(k, at)) y, LATERAL figures(y.x) f),
	'(60,120,2,4,t)', 'timeline figures by hand: responses after 60 s and 180 s, mean 120 s');
SELECT is((SELECT row(f.*)::text FROM figures(NULL::nps_state) f), '(,,,,,)', 'a NULL state: one row of NULLs (as each accessor)');
-- inlined: the function scan evaluates one ROW(...) of the accessors over the aggregate built once
CREATE FUNCTION verbose_plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; t text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP t := t || r || E'\n'; END LOOP;
	RETURN t;
END $$;
SELECT matches(verbose_plan('SELECT f.* FROM (SELECT queue, nps_agg(nps) x FROM c GROUP BY queue) s, LATERAL figures(s.x) f'),
	'Function Call: ROW\(.*nps\(.*promoters_pct\(', 'figures() is inlined into one ROW expression of the accessors');
SELECT is((SELECT count(*) FROM (SELECT f.* FROM (SELECT queue, queue_agg(wait_seconds::float8, answered, 20::float8) x FROM c GROUP BY queue) s,
	LATERAL figures(s.x) f) z), (SELECT count(DISTINCT queue) FROM c), 'one row per state');

-- the form the reference recommends: figures(aggregate) in the grouping query, its fields read outside
SELECT is(mismatches($$(SELECT contact_id, (f).* FROM (SELECT contact_id, figures(contact_timeline(kind, at, party, operator_id)) f
	FROM e GROUP BY contact_id) s) a$$, $$(SELECT s.contact_id, f.* FROM tl s, LATERAL figures(s.t) f WHERE s.contact_id >= 0) b$$),
	0::bigint, 'figures(contact_timeline(...)) in the grouping query = figures of the stored timelines, every contact');

-- in a parallel plan (partial states combined before figures() reads them), and over a
-- moving window frame (the states of each frame): the same rows as serially / as the accessors
CREATE TABLE serial_figures AS SELECT channel, (f).* FROM (SELECT channel, figures(queue_agg(wait_seconds::float8, answered,
	20::float8, 5::float8)) f FROM c GROUP BY channel) s;
ANALYZE c;
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of($$SELECT channel, figures(queue_agg(wait_seconds::float8, answered, 20::float8, 5::float8)) FROM c GROUP BY channel$$)
	~ 'Partial', 'a parallel plan with partial aggregates');
SELECT is(mismatches('serial_figures', $$(SELECT channel, (f).* FROM (SELECT channel, figures(queue_agg(wait_seconds::float8, answered,
	20::float8, 5::float8)) f FROM c GROUP BY channel) s) p$$), 0::bigint,
	'figures() of states combined from parallel workers = serial');
SELECT force_parallel(false) \g /dev/null
SELECT is((SELECT count(*) FROM (SELECT figures(nps_agg(nps) OVER w) f, nps(nps_agg(nps) OVER w) n, responses(nps_agg(nps) OVER w) r
	FROM c WINDOW w AS (ORDER BY contact_id ROWS 29 PRECEDING)) x WHERE ((f).nps, (f).responses) IS DISTINCT FROM (n, r)),
	0::bigint, 'figures() of a rolling 30-row window state = the accessors of the same frame');

SELECT * FROM finish();
DROP SCHEMA :"schema" CASCADE;

-- pgTAP: the constructors of the state types, for figures counted elsewhere
-- (a telephony system's daily export): share_state(hits, total),
-- queue_state(...), handle_state(...), occupancy_state(...),
-- nps_state(counts), ces_state(counts), csat_state(counts).
--
-- 1. A state built from a day's counts equals the state the aggregate
--    builds from that day's rows: text form and binary form byte for byte,
--    and every accessor.
-- 2. Daily states built from the export, rolled up with rollup() to weeks
--    and to the whole period (serial and parallel, and mixed with states of
--    the aggregates), equal the aggregate over the raw rows.
-- 3. Every invalid argument is a clean error with its SQLSTATE and message:
--    the checks of the type's text input (negative counts, invariants),
--    NULL figures (22004), bad seconds, unknown policies, arrays of the wrong
--    shape or length.
\set schema constructors
\ir helpers.psql

SELECT plan(77);

-- 40 days of contacts: waits in milliseconds (a few abandons without a
-- recorded wait), answered or abandoned, a handle time for the answered, an
-- FCR flag (some NULL), survey scores (some NULL)
CREATE TABLE raw AS
SELECT i, date '2026-03-01' + (i % 40) AS day,
	abs(hashint4(i + 3)) % 100 >= 12 AS answered,
	abs(hashint4(i)) % 90000 AS wait_ms,
	1000 * 60 + abs(hashint4(i + 5)) % 600000 AS handle_ms,
	CASE WHEN abs(hashint4(i + 37)) % 11 = 0 THEN NULL ELSE abs(hashint4(i + 9)) % 10 < 7 END AS fcr,
	CASE WHEN abs(hashint4(i + 41)) % 5 = 0 THEN NULL ELSE abs(hashint4(i + 11)) % 11 END AS nps,
	CASE WHEN abs(hashint4(i + 43)) % 7 = 0 THEN NULL ELSE 1 + abs(hashint4(i + 13)) % 7 END AS ces7,
	CASE WHEN abs(hashint4(i + 47)) % 6 = 0 THEN NULL ELSE 1 + abs(hashint4(i + 17)) % 5 END AS ces5,
	CASE WHEN abs(hashint4(i + 53)) % 4 = 0 THEN NULL ELSE 1 + abs(hashint4(i + 19)) % 5 END AS csat5,
	CASE WHEN abs(hashint4(i + 59)) % 3 = 0 THEN NULL ELSE 1 + abs(hashint4(i + 23)) % 10 END AS csat10
FROM generate_series(1, 4000) i;
UPDATE raw SET wait_ms = NULL WHERE NOT answered AND abs(hashint4(i + 71)) % 13 = 0;
ALTER TABLE raw ADD COLUMN wait float8, ADD COLUMN handle float8;
UPDATE raw SET wait = wait_ms / 1000.0, handle = handle_ms / 1000.0;
-- agent-state periods: busy and available seconds (either may be NULL)
CREATE TABLE periods AS
SELECT i, date '2026-03-01' + (i % 40) AS day,
	CASE WHEN abs(hashint4(i + 61)) % 17 = 0 THEN NULL ELSE (abs(hashint4(i + 29)) % 3600000) / 1000.0 END::float8 AS busy,
	CASE WHEN abs(hashint4(i + 67)) % 19 = 0 THEN NULL ELSE (abs(hashint4(i + 31)) % 1800000) / 1000.0 END::float8 AS available
FROM generate_series(1, 1500) i;
ANALYZE raw;
ANALYZE periods;

-- the daily export: plain counts and sums, as a telephony system gives them
-- (threshold 20 s, abandons under 5 s are short; an abandon without a
-- recorded wait is abandoned after the threshold)
CREATE TABLE export AS
SELECT day,
	count(*) FILTER (WHERE answered) AS answered,
	count(*) FILTER (WHERE answered AND wait <= 20) AS answered_within,
	count(*) FILTER (WHERE NOT answered AND (wait IS NULL OR wait >= 5)) AS abandoned,
	count(*) FILTER (WHERE NOT answered AND wait >= 5 AND wait <= 20) AS abandoned_within,
	count(*) FILTER (WHERE NOT answered AND wait < 5) AS short_abandoned,
	(coalesce(sum(wait_ms) FILTER (WHERE answered), 0) / 1000.0)::float8 AS answered_wait_seconds,
	count(*) FILTER (WHERE answered) AS handled,
	(coalesce(sum(handle_ms) FILTER (WHERE answered), 0) / 1000.0)::float8 AS handle_seconds,
	count(*) FILTER (WHERE fcr) AS fcr_hits, count(fcr) AS fcr_total
FROM raw GROUP BY day;
-- per-score counts (zeros included), one array a day and scale
CREATE FUNCTION counts_of(col text, lo int, hi int) RETURNS TABLE (day date, counts bigint[]) LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format('SELECT d.day, array_agg((SELECT count(*) FROM raw r WHERE r.day = d.day AND r.%I = s)
		ORDER BY s) FROM (SELECT DISTINCT day FROM raw) d, generate_series(%s, %s) s GROUP BY d.day', col, lo, hi);
END $$;
CREATE TABLE export_scores AS
SELECT n.day, n.counts AS nps, c7.counts AS ces7, c5.counts AS ces5, s5.counts AS csat5, s10.counts AS csat10
FROM counts_of('nps', 0, 10) n JOIN counts_of('ces7', 1, 7) c7 USING (day) JOIN counts_of('ces5', 1, 5) c5 USING (day)
	JOIN counts_of('csat5', 1, 5) s5 USING (day) JOIN counts_of('csat10', 1, 10) s10 USING (day);
CREATE TABLE export_periods AS
SELECT day, count(*) AS periods, coalesce(sum(busy), 0) AS busy_seconds, coalesce(sum(available), 0) AS available_seconds
FROM periods WHERE busy IS NOT NULL OR available IS NOT NULL GROUP BY day;

SELECT is((SELECT count(*) FROM export), 40::bigint, '40 days exported');

-- every accessor of a state as one text (the same function for both sides)
CREATE FUNCTION q_acc(st queue_state) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws('|', sl_pct(st), sl_pct(st, 'against'), sl_pct(st, 'ignore_early'), sl_pct(st, 'favour'),
		sl_pct(st, 'answered_only'), abandon_rate(st), asa(st), offered(st), answered(st), answered_within(st),
		abandoned(st), short_abandoned(st), sl_ci_lower(st), sl_ci_upper(st, 0.9), abandon_rate_ci_lower(st),
		abandon_rate_ci_upper(st, 0.99), queue_state_send(st))
$$;
CREATE FUNCTION s_acc(st share_state) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws('|', share_pct(st), share_hits(st), share_total(st), share_ci_lower(st), share_ci_upper(st, 0.9),
		share_state_send(st))
$$;
CREATE FUNCTION h_acc(st handle_state) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws('|', aht(st), handled(st), handle_seconds(st), handle_state_send(st))
$$;
CREATE FUNCTION o_acc(st occupancy_state) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws('|', occupancy(st), busy_seconds(st), available_seconds(st), occupancy_state_send(st))
$$;
CREATE FUNCTION n_acc(st nps_state) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws('|', nps(st), promoters_pct(st), passives_pct(st), detractors_pct(st), responses(st),
		score_counts(st), nps_stderr(st), nps_ci_lower(st), nps_ci_upper(st, 0.8), nps_state_send(st))
$$;
CREATE FUNCTION c_acc(st ces_state) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws('|', ces(st), ces_easy_pct(st), ces_difficult_pct(st), ces_index(st), responses(st),
		score_counts(st), ces_state_send(st))
$$;
CREATE FUNCTION t_acc(st csat_state) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws('|', csat(st), csat_mean(st), csat_ci_lower(st), csat_ci_upper(st, 0.9), responses(st),
		score_counts(st), csat_state_send(st))
$$;

-- 1. a day's constructed state = the aggregate of its rows
CREATE TABLE q_built AS
SELECT day, p AS policy, queue_state(answered, answered_within, abandoned, abandoned_within, short_abandoned,
	answered_wait_seconds, p) AS st
FROM export, unnest(ARRAY['against', 'ignore_early', 'favour', 'answered_only']) p;
CREATE TABLE q_agg AS
SELECT day, p AS policy, queue_agg(wait, answered, 20::float8, 5::float8, p) AS st
FROM raw, unnest(ARRAY['against', 'ignore_early', 'favour', 'answered_only']) p GROUP BY day, p;
SELECT is((SELECT count(*) FROM q_built b JOIN q_agg a USING (day, policy) WHERE b.st::text = a.st::text), 160::bigint,
	'queue_state(...): the text form of the aggregate''s state, byte for byte, every day and policy');
SELECT is(mismatches('(SELECT day, policy, q_acc(st) FROM q_built) b', '(SELECT day, policy, q_acc(st) FROM q_agg) a'), 0::bigint,
	'queue_state(...): binary form and every accessor (sl_pct under each policy, abandon_rate, asa, counts, intervals) equal');
SELECT is((SELECT count(*) FROM q_built WHERE policy = 'against'
		AND queue_state(answered(st), answered_within(st), abandoned(st),
			(SELECT abandoned_within FROM export e WHERE e.day = q_built.day), short_abandoned(st),
			asa(st) * answered(st))::text <> st::text), 0::bigint,
	'queue_state() of a state''s own accessors (answered waits = asa * answered) rebuilds it');

-- the default policy is against; the policy argument is the policy recorded
SELECT is(queue_state(10, 8, 2, 1, 0, 30)::text,
	'{"version":1,"kind":"queue","policy":"against","answered":10,"answered_within":8,"abandoned":2,"abandoned_within":1,"short_abandoned":0,"answered_wait_us":30000000}',
	'queue_state(...): the default policy is against');
SELECT is(queue_state(10, 8, 2, 1, 0, 30, 'ignore_early')::text,
	'{"version":1,"kind":"queue","policy":"ignore_early","answered":10,"answered_within":8,"abandoned":2,"abandoned_within":1,"short_abandoned":0,"answered_wait_us":30000000}',
	'queue_state(..., policy): the policy is recorded');
SELECT is(queue_state(answered => 10, answered_within => 8, abandoned => 2, abandoned_within => 1,
		short_abandoned => 0, answered_wait_seconds => 30, policy => 'favour')::text,
	queue_state(10, 8, 2, 1, 0, 30, 'favour')::text, 'queue_state(...): named arguments');

-- seconds become exact microseconds, rounded half to even as make_interval and the aggregates round them
SELECT is((SELECT string_agg(queue_state(1, 1, 0, 0, 0, s)::text, ' ' ORDER BY k)
		FROM unnest(ARRAY[0.0000005, 0.0000015, 0.0000025, 1.0000005, 12.3456785]::float8[]) WITH ORDINALITY u(s, k)),
	(SELECT string_agg(st, ' ' ORDER BY k) FROM (SELECT k, queue_agg(s, true, 20::float8)::text AS st
		FROM unnest(ARRAY[0.0000005, 0.0000015, 0.0000025, 1.0000005, 12.3456785]::float8[]) WITH ORDINALITY u(s, k) GROUP BY k) x),
	'queue_state(...): the wait in seconds rounded to the microsecond as queue_agg rounds a row''s');
SELECT is((SELECT string_agg(extract(microseconds FROM make_interval(secs => s))::text || '=' || (handle_seconds(handle_state(1, s)) * 1e6)::bigint, ' ')
		FROM unnest(ARRAY[0.0000005, 0.0000015, 0.0000025, 2.5e-6, 3.5e-6]::float8[]) s),
	'0=0 2=2 2=2 2=2 4=4', 'handle_state(...): rounded half to even, as make_interval(secs => ...)');

CREATE TABLE s_built AS SELECT day, share_state(fcr_hits, fcr_total) AS st FROM export;
CREATE TABLE s_agg AS SELECT day, share_agg(fcr) AS st FROM raw GROUP BY day;
SELECT is((SELECT count(*) FROM s_built b JOIN s_agg a USING (day) WHERE b.st::text = a.st::text), 40::bigint,
	'share_state(hits, total): the text form of share_agg''s state, every day');
SELECT is(mismatches('(SELECT day, s_acc(st) FROM s_built) b', '(SELECT day, s_acc(st) FROM s_agg) a'), 0::bigint,
	'share_state(hits, total): binary form and every accessor equal');

CREATE TABLE h_built AS SELECT day, handle_state(handled, handle_seconds) AS st FROM export;
CREATE TABLE h_agg AS SELECT day, handle_agg(handle) AS st FROM raw WHERE answered GROUP BY day;
SELECT is((SELECT count(*) FROM h_built b JOIN h_agg a USING (day) WHERE b.st::text = a.st::text), 40::bigint,
	'handle_state(handled, handle_seconds): the text form of handle_agg''s state, every day');
SELECT is(mismatches('(SELECT day, h_acc(st) FROM h_built) b', '(SELECT day, h_acc(st) FROM h_agg) a'), 0::bigint,
	'handle_state(...): binary form and every accessor equal');

CREATE TABLE o_built AS SELECT day, occupancy_state(periods, busy_seconds, available_seconds) AS st FROM export_periods;
CREATE TABLE o_agg AS SELECT day, occupancy_agg(busy, available) AS st FROM periods GROUP BY day;
SELECT is((SELECT count(*) FROM o_built b JOIN o_agg a USING (day) WHERE b.st::text = a.st::text), 40::bigint,
	'occupancy_state(periods, busy_seconds, available_seconds): the text form of occupancy_agg''s state, every day');
SELECT is(mismatches('(SELECT day, o_acc(st) FROM o_built) b', '(SELECT day, o_acc(st) FROM o_agg) a'), 0::bigint,
	'occupancy_state(...): binary form and every accessor equal');

CREATE TABLE sc_built AS
SELECT day, nps_state(nps) AS n, ces_state(ces7) AS c7, ces_state(ces5) AS c5, csat_state(csat5) AS s5,
	csat_state(csat10) AS s10
FROM export_scores;
CREATE TABLE sc_agg AS
SELECT day, nps_agg(nps) AS n, ces_agg(ces7) AS c7, ces_agg(ces5, 5) AS c5, csat_agg(csat5) AS s5,
	csat_agg(csat10, 10) AS s10
FROM raw GROUP BY day;
SELECT is((SELECT count(*) FROM sc_built b JOIN sc_agg a USING (day) WHERE b.n::text = a.n::text), 40::bigint,
	'nps_state(counts): the text form of nps_agg''s state, every day');
SELECT is(mismatches('(SELECT day, n_acc(n) FROM sc_built) b', '(SELECT day, n_acc(n) FROM sc_agg) a'), 0::bigint,
	'nps_state(counts): binary form and every accessor equal');
SELECT is((SELECT count(*) FROM sc_built b JOIN sc_agg a USING (day) WHERE b.c7::text = a.c7::text AND b.c5::text = a.c5::text), 40::bigint,
	'ces_state(counts): the text form of ces_agg''s state on 1..7 and 1..5 (the scale from the array''s length), every day');
SELECT is(mismatches('(SELECT day, c_acc(c7), c_acc(c5) FROM sc_built) b', '(SELECT day, c_acc(c7), c_acc(c5) FROM sc_agg) a'), 0::bigint,
	'ces_state(counts): binary form and every accessor equal');
SELECT is((SELECT count(*) FROM sc_built b JOIN sc_agg a USING (day) WHERE b.s5::text = a.s5::text AND b.s10::text = a.s10::text), 40::bigint,
	'csat_state(counts): the text form of csat_agg''s state on 1..5 and 1..10, every day');
SELECT is(mismatches('(SELECT day, t_acc(s5), t_acc(s10) FROM sc_built) b', '(SELECT day, t_acc(s5), t_acc(s10) FROM sc_agg) a'), 0::bigint,
	'csat_state(counts): binary form and every accessor equal');
SELECT is(csat_state(score_counts(csat_agg(s, 100)))::text, csat_agg(s, 100)::text,
	'csat_state(counts): the largest scale, 1..100, from an array of 100 counts')
FROM generate_series(1, 100) s;

-- the states read back: text and binary
SELECT is((SELECT count(*) FROM q_built WHERE st::text::queue_state::text <> st::text
		OR recv_as('queue_state', encode(queue_state_send(st), 'hex')) <> st::text), 0::bigint,
	'constructed queue states read back through text and binary COPY');
SELECT is((SELECT count(*) FROM sc_built WHERE recv_as('nps_state', encode(nps_state_send(n), 'hex')) <> n::text
		OR recv_as('ces_state', encode(ces_state_send(c5), 'hex')) <> c5::text), 0::bigint,
	'constructed score states read back through binary COPY');

-- no figures: an empty state (the export said 0), not NULL as an aggregate of no rows
SELECT is(concat_ws(' ', nps(st), responses(st), score_counts(st)), '0 {0,0,0,0,0,0,0,0,0,0,0}',
	'nps_state of zero counts: an empty state, nps NULL, responses 0')
FROM (SELECT nps_state(array_fill(0::bigint, ARRAY[11])) AS st) x;
SELECT is(concat_ws(' ', sl_pct(st), asa(st), offered(st)), '0',
	'queue_state of zero counts: an empty state, sl_pct and asa NULL, offered 0')
FROM (SELECT queue_state(0, 0, 0, 0, 0, 0) AS st) x;
SELECT is(nps(rollup(st))::text, (SELECT nps(nps_agg(nps))::text FROM raw),
	'an empty state adds nothing to rollup()')
FROM (SELECT n AS st FROM sc_built UNION ALL SELECT nps_state(array_fill(0::bigint, ARRAY[11]))) x;

-- 2. the export rolled up = the raw rows
SELECT is((SELECT rollup(st)::text FROM q_built WHERE policy = 'favour'),
	(SELECT queue_agg(wait, answered, 20::float8, 5::float8, 'favour')::text FROM raw),
	'rollup() of the daily queue_state constructions = queue_agg over the raw rows');
SELECT is(mismatches('(SELECT date_trunc(''week'', day) AS w, policy, q_acc(rollup(st)) FROM q_built GROUP BY 1, 2) b',
		'(SELECT date_trunc(''week'', day) AS w, p, q_acc(queue_agg(wait, answered, 20::float8, 5::float8, p)) FROM raw,
			unnest(ARRAY[''against'', ''ignore_early'', ''favour'', ''answered_only'']) p GROUP BY 1, 2) a'), 0::bigint,
	'weekly rollup() of the constructions = queue_agg over the week''s rows: every accessor, every policy');
SELECT is((SELECT concat_ws(' ', rollup(st)::text, s_acc(rollup(st))) FROM s_built),
	(SELECT concat_ws(' ', share_agg(fcr)::text, s_acc(share_agg(fcr))) FROM raw),
	'rollup() of share_state(hits, total) = share_agg over the raw rows; fcr_rate equal');
SELECT is((SELECT share_pct(rollup(st)) FROM s_built), (SELECT fcr_rate(fcr) FROM raw),
	'fcr_rate from the export = fcr_rate(flag) of the raw rows');
SELECT is((SELECT h_acc(rollup(st)) FROM h_built), (SELECT h_acc(handle_agg(handle)) FROM raw WHERE answered),
	'rollup() of handle_state(...) = handle_agg over the raw rows');
SELECT is((SELECT o_acc(rollup(st)) FROM o_built), (SELECT o_acc(occupancy_agg(busy, available)) FROM periods),
	'rollup() of occupancy_state(...) = occupancy_agg over the raw rows');
SELECT is((SELECT concat_ws(' ', n_acc(rollup(n)), c_acc(rollup(c7)), c_acc(rollup(c5)), t_acc(rollup(s5)), t_acc(rollup(s10))) FROM sc_built),
	(SELECT concat_ws(' ', n_acc(nps_agg(nps)), c_acc(ces_agg(ces7)), c_acc(ces_agg(ces5, 5)), t_acc(csat_agg(csat5)),
		t_acc(csat_agg(csat10, 10))) FROM raw),
	'rollup() of nps_state, ces_state, csat_state constructions = the aggregates over the raw rows');
-- mixed: the first 20 days from the export, the others from the rows
SELECT is((SELECT q_acc(rollup(st)) FROM (SELECT st FROM q_built WHERE policy = 'against' AND day < '2026-03-21'
		UNION ALL SELECT queue_agg(wait, answered, 20::float8, 5::float8) FROM raw WHERE day >= '2026-03-21' GROUP BY day) x),
	(SELECT q_acc(queue_agg(wait, answered, 20::float8, 5::float8)) FROM raw),
	'constructed and aggregated states roll up together');
-- parallel: the combine function merges constructed states
SELECT force_parallel(true);
SELECT is((SELECT concat_ws(' ', rollup(st)::text, plan_of('SELECT rollup(st) FROM q_built') ~ 'Partial Aggregate')
		FROM q_built WHERE policy = 'against'),
	(SELECT concat_ws(' ', queue_agg(wait, answered, 20::float8, 5::float8)::text, true) FROM raw),
	'rollup() of the constructions in a parallel plan = queue_agg over the raw rows');
SELECT force_parallel(false);
-- rolling: a 7-day window of daily constructions = the aggregate over the 7 days' rows
SELECT is(mismatches('(SELECT day, q_acc(rollup(st) OVER (ORDER BY day ROWS 6 PRECEDING)) FROM q_built WHERE policy = ''against'') b',
		'(SELECT d.day, q_acc(queue_agg(r.wait, r.answered, 20::float8, 5::float8)) FROM (SELECT DISTINCT day FROM raw) d
			JOIN raw r ON r.day BETWEEN d.day - 6 AND d.day GROUP BY d.day) a'), 0::bigint,
	'rollup() over a moving frame of constructions = queue_agg over the frame''s rows');

-- 3. errors: the checks of text input, with its SQLSTATEs and messages
SELECT throws_ok(q, state, msg, description) FROM (VALUES
	('SELECT share_state(-1, 5)', '22003', 'invalid share_state: negative counter "hits" -1', 'share_state: a negative count (the message of text input)'),
	('SELECT share_state(6, 5)', '22003', 'invalid share_state: hits exceed total', 'share_state: hits above total'),
	('SELECT share_state(NULL, 5)', '22004', 'hits must not be null', 'share_state: a NULL figure is an error, not a NULL state'),
	('SELECT share_state(1, NULL)', '22004', 'total must not be null', 'share_state: a NULL total'),
	('SELECT queue_state(-1, 0, 0, 0, 0, 0)', '22003', 'invalid queue_state: negative counter "answered" -1', 'queue_state: a negative count'),
	('SELECT queue_state(0, 0, 0, 0, -3, 0)', '22003', 'invalid queue_state: negative counter "short_abandoned" -3', 'queue_state: a negative short_abandoned'),
	('SELECT queue_state(5, 6, 0, 0, 0, 10)', '22003', 'invalid queue_state: answered_within exceeds answered', 'queue_state: answered_within above answered'),
	('SELECT queue_state(5, 5, 1, 2, 0, 10)', '22003', 'invalid queue_state: abandoned_within exceeds abandoned', 'queue_state: abandoned_within above abandoned'),
	('SELECT queue_state(0, 0, 3, 0, 0, 12.5)', '22003', 'invalid queue_state: answered_wait_us without answered contacts', 'queue_state: a wait without answered contacts'),
	('SELECT queue_state(1, 0, 0, 0, 0, ''NaN'')', '22003', 'answered_wait_seconds NaN is not a finite number of seconds', 'queue_state: NaN seconds'),
	('SELECT queue_state(1, 0, 0, 0, 0, ''Infinity'')', '22003', 'answered_wait_seconds Infinity is not a finite number of seconds', 'queue_state: infinite seconds'),
	('SELECT queue_state(1, 0, 0, 0, 0, -0.5)', '22003', 'answered_wait_seconds -0.5 s is negative', 'queue_state: negative seconds'),
	('SELECT queue_state(1, 0, 0, 0, 0, 1e13)', '22003', 'answered_wait_seconds 1e+13 s is out of range', 'queue_state: seconds beyond bigint microseconds'),
	('SELECT queue_state(1, 0, 0, 0, 0, 1, ''Favour'')', '22023', 'unknown service level policy "Favour"', 'queue_state: an unknown policy (the message of the aggregates)'),
	('SELECT queue_state(1, 0, 0, 0, 0, 1, NULL)', '22023', 'policy must not be null', 'queue_state: a NULL policy (as in the aggregates)'),
	('SELECT queue_state(1, 0, 0, NULL, 0, 1)', '22004', 'abandoned_within must not be null', 'queue_state: a NULL count'),
	('SELECT queue_state(1, 0, 0, 0, 0, NULL)', '22004', 'answered_wait_seconds must not be null', 'queue_state: a NULL wait'),
	('SELECT handle_state(0, 5)', '22003', 'invalid handle_state: handle time without handled contacts', 'handle_state: time without contacts'),
	('SELECT handle_state(-2, 5)', '22003', 'invalid handle_state: negative counter "handled" -2', 'handle_state: a negative count'),
	('SELECT handle_state(2, ''-Infinity'')', '22003', 'handle_seconds -Infinity is not a finite number of seconds', 'handle_state: infinite seconds'),
	('SELECT handle_state(2, NULL)', '22004', 'handle_seconds must not be null', 'handle_state: NULL seconds'),
	('SELECT occupancy_state(0, 0, 60)', '22003', 'invalid occupancy_state: time without periods', 'occupancy_state: time without periods'),
	('SELECT occupancy_state(1, -60, 60)', '22003', 'busy_seconds -60 s is negative', 'occupancy_state: negative seconds'),
	('SELECT occupancy_state(1, 60, ''NaN'')', '22003', 'available_seconds NaN is not a finite number of seconds', 'occupancy_state: NaN seconds'),
	('SELECT nps_state(ARRAY[0,0,0,0,0,0,0,0,0,0,-1])', '22003', 'invalid nps_state: negative count -1 for score 10', 'nps_state: a negative count (the message of text input)'),
	('SELECT nps_state(ARRAY[1,2,3])', '2202E', 'invalid nps_state: 3 counts given for the 11 points of scale 0..10', 'nps_state: not 11 counts'),
	('SELECT nps_state(''{}''::bigint[])', '2202E', 'invalid nps_state: 0 counts given for the 11 points of scale 0..10', 'nps_state: an empty array'),
	('SELECT nps_state(''[0:10]={1,1,1,1,1,1,1,1,1,1,1}''::bigint[])', '2202E', 'nps_state counts must start at subscript 1, not 0', 'nps_state: an array that does not start at subscript 1'),
	('SELECT nps_state(array_fill(1::bigint, ARRAY[11, 1]))', '2202E', 'nps_state counts must be a one-dimensional array', 'nps_state: a two-dimensional array'),
	('SELECT nps_state(ARRAY[1,1,1,1,1,NULL,1,1,1,1,1])', '22004', 'nps_state counts must not contain nulls', 'nps_state: a NULL count'),
	('SELECT nps_state(NULL::bigint[])', '22004', 'counts must not be null', 'nps_state: a NULL array'),
	('SELECT ces_state(ARRAY[1,2])', '22023', 'ces scale_max 2 is outside the range 3..100', 'ces_state: two counts, a scale below 1..3 (the message of the aggregates)'),
	('SELECT csat_state(array_fill(1::bigint, ARRAY[101]))', '22023', 'csat scale_max 101 is outside the range 3..100', 'csat_state: 101 counts, a scale beyond 1..100'),
	('SELECT csat_state(''[2:6]={1,1,1,1,1}''::bigint[])', '2202E', 'csat_state counts must start at subscript 1, not 2', 'csat_state: an array that does not start at subscript 1'),
	('SELECT ces_state(array_fill(1::bigint, ARRAY[7, 7]))', '2202E', 'ces_state counts must be a one-dimensional array', 'ces_state: a two-dimensional array'),
	('SELECT csat_state(ARRAY[1,2,NULL,4,5])', '22004', 'csat_state counts must not contain nulls', 'csat_state: a NULL count'),
	('SELECT ces_state(ARRAY[1,2,3,4,5,6,-7])', '22003', 'invalid ces_state: negative count -7 for score 7', 'ces_state: a negative count')
) AS errors(q, state, msg, description);
-- a bare literal is read as the type's text form (PostgreSQL reads typename('literal') as a cast)
SELECT throws_ok('SELECT nps_state(''{0,0,0,0,0,0,0,0,0,0,1}'')', '22P02', NULL,
	'nps_state(''{...}''): a bare literal is the text form of the type, not an array');
SELECT is(nps_state('{0,0,0,0,0,0,0,0,0,0,1}'::bigint[])::text, '{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,1]}',
	'nps_state(''{...}''::bigint[]): a typed array is counted');
SELECT is(nps_state(ARRAY[0,0,0,0,0,0,0,0,0,0,1]::int[])::text, '{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,1]}',
	'nps_state(integer[]): an integer array is taken as bigint[]');

SELECT * FROM finish();
DROP SCHEMA constructors CASCADE;

-- pgTAP: behaviour matrix of contact timelines: FRT / ART / counts /
-- durations = plain SQL with window functions on random chat logs, handle and
-- hold = plain SQL on random calls, serial = parallel = shuffled input, text
-- and binary round trips, forged binary input, a 100 000-event contact,
-- sessionize = a lag() formula, errors.
\set schema timeline_matrix
\ir helpers.psql

SELECT plan(38);
SET timezone = 'UTC';

-- 4000 random chats, 1..24 events each, on a 1-minute grid (many ties):
-- messages of the three parties, some assignments, transfers, resolves and reopens
CREATE TABLE ev AS
SELECT c, (ARRAY['customer_message', 'customer_message', 'customer_message', 'operator_message',
		'operator_message', 'operator_message', 'bot_message', 'assigned', 'transferred', 'resolved',
		'reopened', 'offered'])[1 + abs(hashint4(c * 100 + j)) % 12]::contact_event_kind AS kind,
	timestamptz '2026-03-01' + c * interval '1 hour' + (abs(hashint4(c * 100 + j + 7)) % 40) * interval '1 min' AS at,
	CASE WHEN abs(hashint4(c + j)) % 3 = 0 THEN 'op' || (abs(hashint4(c * 7 + j)) % 5) END AS operator_id,
	j
FROM generate_series(1, 4000) c, generate_series(1, 24) j
WHERE j <= 1 + abs(hashint4(c)) % 24;
ANALYZE ev;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE ext AS
SELECT c, contact_timeline(kind, at, NULL, operator_id) AS t FROM ev GROUP BY c;

-- the plain-SQL reference, in the documented event order (at, kind, party, operator_id)
CREATE TABLE ord AS
SELECT c, kind, at, operator_id,
	row_number() OVER (PARTITION BY c ORDER BY at, kind, operator_id COLLATE "C" NULLS FIRST) AS n
FROM ev;
CREATE TABLE msg AS
SELECT c, kind, at, n,
	lag(kind) OVER (PARTITION BY c ORDER BY n) AS prev_msg,
	min(at) FILTER (WHERE kind = 'operator_message') OVER (PARTITION BY c ORDER BY n
		ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_reply
FROM ord WHERE kind IN ('customer_message', 'operator_message');
CREATE TABLE turns AS
SELECT c, n, extract(epoch FROM next_reply - at)::float8 AS secs
FROM msg WHERE kind = 'customer_message' AND prev_msg IS DISTINCT FROM 'customer_message'
	AND next_reply IS NOT NULL;
CREATE TABLE ref AS
SELECT o.c,
	(SELECT secs FROM turns u WHERE u.c = o.c ORDER BY n LIMIT 1) AS frt,
	(SELECT avg(secs) FROM turns u WHERE u.c = o.c) AS art,
	(SELECT max(secs) FROM turns u WHERE u.c = o.c) AS max_rt,
	(SELECT count(*) FROM turns u WHERE u.c = o.c) AS nturns,
	count(*) AS events,
	count(*) FILTER (WHERE kind = 'customer_message') AS customer,
	count(*) FILTER (WHERE kind = 'operator_message') AS operator,
	count(*) FILTER (WHERE kind = 'bot_message') AS bot,
	count(*) FILTER (WHERE kind = 'transferred') AS transfers,
	count(*) FILTER (WHERE kind = 'reopened') AS reopens,
	count(DISTINCT operator_id) AS operators,
	extract(epoch FROM max(at) - min(at))::float8 AS duration,
	min(at) FILTER (WHERE kind = 'customer_message') AS first_customer,
	(array_agg(kind ORDER BY n) FILTER (WHERE kind IN ('resolved', 'reopened')))[
		count(*) FILTER (WHERE kind IN ('resolved', 'reopened'))] IS NOT DISTINCT FROM 'resolved' AS resolved,
	coalesce(min(n) FILTER (WHERE kind = 'bot_message') < min(n) FILTER (WHERE kind = 'operator_message'), false) AS handoff
FROM ord o GROUP BY o.c;
-- first resolve after the start (offered or first customer message), after the first operator message
CREATE TABLE ref2 AS
SELECT c, extract(epoch FROM (SELECT min(at) FROM ord r WHERE r.c = s.c AND r.kind = 'resolved' AND r.at >= s.start_at) - start_at)::float8 AS ttr,
	extract(epoch FROM coalesce((SELECT min(at) FROM ord r WHERE r.c = s.c AND r.kind = 'resolved' AND r.at >= s.first_op),
		s.last_op) - first_op)::float8 AS handle,
	extract(epoch FROM (SELECT min(at) FROM ord r WHERE r.c = s.c AND r.kind = 'operator_message' AND r.at >= s.assigned) - assigned)::float8 AS assign_reply
FROM (SELECT c, min(at) FILTER (WHERE kind IN ('offered', 'customer_message')) AS start_at,
		min(at) FILTER (WHERE kind = 'operator_message') AS first_op,
		max(at) FILTER (WHERE kind = 'operator_message') AS last_op,
		min(at) FILTER (WHERE kind = 'assigned') AS assigned
	FROM ord GROUP BY c) s;

SELECT is((SELECT count(*) FROM ext), 4000::bigint, 'one timeline per contact');
SELECT is(mismatches('(SELECT c, first_response_time(t) FROM ext) a', '(SELECT c, frt FROM ref) b'), 0::bigint,
	'first response time = plain SQL');
SELECT is(mismatches('(SELECT c, response_turns(t), max_response_time(t) FROM ext) a', '(SELECT c, nturns, max_rt FROM ref) b'), 0::bigint,
	'response turns and maximum response time = plain SQL');
SELECT is((SELECT count(*) FROM ext JOIN ref USING (c)
	WHERE avg_response_time(t) IS DISTINCT FROM art AND abs(avg_response_time(t) - art) > 1e-9), 0::bigint,
	'average response time = plain SQL');
SELECT is(mismatches('(SELECT c, event_count(t), message_count(t, ''customer''), message_count(t, ''operator''), message_count(t, ''bot''),
		transfer_count(t), reopen_count(t), operator_count(t) FROM ext) a',
	'(SELECT c, events, customer, operator, bot, transfers, reopens, operators FROM ref) b'), 0::bigint,
	'counts (events, messages by party, transfers, reopens, operators) = plain SQL');
SELECT is(mismatches('(SELECT c, contact_duration(t), first_customer_message_at(t), is_resolved(t), bot_handoff(t) FROM ext) a',
	'(SELECT c, duration, first_customer, resolved, handoff FROM ref) b'), 0::bigint,
	'duration, first customer message, resolved, bot handoff = plain SQL');
SELECT is(mismatches('(SELECT c, time_to_resolution(t), handle_time(t), assignment_to_reply_time(t) FROM ext) a',
	'(SELECT c, ttr, handle, assign_reply FROM ref2) b'), 0::bigint,
	'time to resolution, chat handle time, assignment to reply = plain SQL');
SELECT ok((SELECT count(*) FROM ref WHERE nturns > 1) > 500 AND (SELECT count(*) FROM ref WHERE frt IS NULL) > 100
	AND (SELECT count(*) FROM ref WHERE resolved) > 500 AND (SELECT count(*) FROM ref WHERE NOT resolved) > 500,
	'the random logs cover multi-turn, unanswered, resolved and unresolved chats');

-- random calls: offered, answered, up to 3 holds, ended, wrap-up (sometimes missing)
CREATE TABLE calls AS
SELECT c, timestamptz '2026-03-01' + c * interval '10 min' AS offered,
	(abs(hashint4(c)) % 120) * interval '1 s' AS wait,
	(abs(hashint4(c + 1)) % 3) AS holds,
	CASE WHEN c % 7 = 0 THEN NULL ELSE (abs(hashint4(c + 2)) % 200) * interval '1 s' END AS wrap
FROM generate_series(1, 3000) c;
CREATE TABLE call_ev AS
SELECT c, 'offered'::contact_event_kind AS kind, offered AS at FROM calls
UNION ALL SELECT c, 'answered', offered + wait FROM calls
UNION ALL SELECT c, 'hold_start', offered + wait + h * interval '100 s' + interval '10 s' FROM calls, generate_series(1, 3) h WHERE h <= holds
UNION ALL SELECT c, 'hold_end', offered + wait + h * interval '100 s' + interval '10 s' + (abs(hashint4(c * 3 + h)) % 60) * interval '1 s'
	FROM calls, generate_series(1, 3) h WHERE h <= holds
UNION ALL SELECT c, 'ended', offered + wait + interval '400 s' FROM calls
UNION ALL SELECT c, 'wrapup_end', offered + wait + interval '400 s' + wrap FROM calls WHERE wrap IS NOT NULL;
SELECT is(mismatches(
	'(SELECT c, handle_time(t), hold_time(t), time_to_resolution(t), is_abandoned(t) FROM (SELECT c, contact_timeline(kind, at) t FROM call_ev GROUP BY c) s) a',
	$$(SELECT c, 400 + coalesce(extract(epoch FROM wrap), 0)::float8,
		coalesce((SELECT sum(extract(epoch FROM e.at - s.at)) FROM call_ev s JOIN call_ev e USING (c)
			WHERE s.c = calls.c AND s.kind = 'hold_start' AND e.kind = 'hold_end'
			AND e.at = (SELECT min(at) FROM call_ev x WHERE x.c = s.c AND x.kind = 'hold_end' AND x.at >= s.at)), 0)::float8,
		NULL::float8, false FROM calls) b$$), 0::bigint,
	'calls: handle (answered -> ended + wrap-up) and hold = plain SQL');

-- serial = parallel (partial states merged by the leader) = shuffled input
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT c, contact_timeline(kind, at) FROM ev GROUP BY c') ~ 'Partial',
	'parallel: partial aggregation');
SELECT ok(plan_of('SELECT contact_timeline(kind, at) FROM ev') ~ 'Partial Aggregate',
	'parallel ungrouped: Partial Aggregate');
CREATE TABLE par AS SELECT c, contact_timeline(kind, at, NULL, operator_id) AS t FROM ev GROUP BY c;
SELECT is(mismatches('(SELECT c, t::text FROM par) a', '(SELECT c, t::text FROM ext) b'), 0::bigint,
	'parallel = serial in every contact');
-- one timeline over every event: the workers' partial event lists are merged
SELECT is((SELECT contact_timeline(kind, at, NULL, operator_id)::text FROM ev),
	(SELECT contact_timeline(kind, at, NULL, operator_id ORDER BY j)::text FROM ev), 'parallel ungrouped = serial');
SELECT force_parallel(false) \g /dev/null
CREATE TABLE shuffled AS SELECT * FROM ev ORDER BY md5(c::text || j::text);
SELECT is(mismatches('(SELECT c, contact_timeline(kind, at, NULL, operator_id)::text FROM shuffled GROUP BY c) a',
	'(SELECT c, t::text FROM ext) b'), 0::bigint, 'shuffled input order = the same timelines');
SELECT is(mismatches('(SELECT c, contact_timeline(kind::text, at, NULL, operator_id ORDER BY j DESC)::text FROM ev GROUP BY c) a',
	'(SELECT c, t::text FROM ext) b'), 0::bigint, 'text kinds, reversed order = the same timelines');
SELECT is(mismatches('(SELECT c, contact_timeline(ROW(kind, at, NULL, operator_id)::contact_event)::text FROM ev GROUP BY c) a',
	'(SELECT c, t::text FROM ext) b'), 0::bigint, 'composite contact_event = the same timelines');

-- text and binary round trips
SELECT is((SELECT count(*) FROM ext WHERE t::text::contact_timeline::text <> t::text), 0::bigint,
	'contact_timeline text round trip');
CREATE TABLE ext_b (LIKE ext);
SELECT binary_copy('ext', 'ext_b') \g /dev/null
SELECT is(mismatches('(SELECT c, t::text FROM ext) a', '(SELECT c, t::text FROM ext_b) b'), 0::bigint,
	'contact_timeline binary COPY round trip');
CREATE TABLE states AS
SELECT c, format('{"version":1,"events":[%s]}', string_agg(format('["%s+00","%s","%s",%s]', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
	kind, CASE kind WHEN 'customer_message' THEN 'customer' WHEN 'operator_message' THEN 'operator'
		WHEN 'bot_message' THEN 'bot' ELSE 'system' END, coalesce(to_json(operator_id)::text, 'null')), ',' ORDER BY j DESC))::text AS s
FROM ev GROUP BY c;
CREATE TABLE st AS SELECT c, s::contact_timeline_state AS v FROM states;
SELECT is(mismatches('(SELECT c, contact_timeline_final(v)::text FROM st) a', '(SELECT c, t::text FROM ext) b'), 0::bigint,
	'states read from text give the aggregate''s timelines');
SELECT is((SELECT count(*) FROM st WHERE v::text::contact_timeline_state::text <> v::text), 0::bigint,
	'contact_timeline_state text round trip');
CREATE TABLE st_b (LIKE st);
SELECT binary_copy('st', 'st_b') \g /dev/null
SELECT is(mismatches('(SELECT c, v::text FROM st) a', '(SELECT c, v::text FROM st_b) b'), 0::bigint,
	'contact_timeline_state binary COPY round trip');

-- forged binary input
CREATE TABLE good AS SELECT encode(contact_timeline_send(t), 'hex') AS h FROM ext WHERE c = 7;
SELECT is(recv_as('contact_timeline', (SELECT h FROM good)), (SELECT t::text FROM ext WHERE c = 7), 'recv: a well-formed timeline');
SELECT throws_ok($$SELECT recv_as('contact_timeline', substr((SELECT h FROM timeline_matrix.good), 1, 100))$$,
	'22P03', NULL, 'recv: truncated timeline');
SELECT throws_ok($$SELECT recv_as('contact_timeline', '02' || substr((SELECT h FROM timeline_matrix.good), 3))$$,
	'22P03', NULL, 'recv: unknown version');
SELECT throws_ok($$SELECT recv_as('contact_timeline', '01' || 'ff' || substr((SELECT h FROM timeline_matrix.good), 5))$$,
	'22P03', NULL, 'recv: unknown flags');
SELECT throws_ok($$SELECT recv_as('contact_timeline', '0100' || 'ffffffffffffffff' || substr((SELECT h FROM timeline_matrix.good), 21))$$,
	'22P03', NULL, 'recv: negative event count');
-- state: version 1, one event at 2026-03-01 00:00 UTC, customer_message, customer, no operator
SELECT is(recv_as('contact_timeline_state', '01' || '00000001' || '0002eee9eb8b8000' || '01' || '00' || 'ffffffff'),
	'{"version":1,"events":[["2026-03-01 00:00:00+00","customer_message","customer",null]]}',
	'recv: a well-formed state');
SELECT throws_ok($$SELECT recv_as('contact_timeline_state', '01' || '7fffffff' || '0002eee9eb8b8000' || '01' || '00' || 'ffffffff')$$,
	'22P03', NULL, 'recv: a huge event count is refused before any allocation');
SELECT throws_ok($$SELECT recv_as('contact_timeline_state', '01' || '00000001' || '0002eee9eb8b8000' || '0e' || '03' || 'ffffffff')$$,
	'22P03', NULL, 'recv: unknown kind');
SELECT throws_ok($$SELECT recv_as('contact_timeline_state', '01' || '00000001' || '0002eee9eb8b8000' || '01' || '01' || 'ffffffff')$$,
	'22P03', NULL, 'recv: a customer message sent by the operator');
SELECT throws_ok($$SELECT recv_as('contact_timeline_state', '01' || '00000001' || '7fffffffffffffff' || '00' || '03' || 'ffffffff')$$,
	'22P03', NULL, 'recv: an infinite time');
SELECT throws_ok($$SELECT recv_as('contact_timeline_state', '01' || '00000001' || '0002eee9eb8b8000' || '00' || '03' || '00000010' || '6162')$$,
	'22P03', NULL, 'recv: an operator id longer than the data');

-- a contact of 100 000 events: customer at odd seconds, operator at even ones
SELECT is((SELECT format('%s %s %s %s %s', event_count(t), response_turns(t), avg_response_time(t), max_response_time(t), contact_duration(t))
	FROM (SELECT contact_timeline(CASE WHEN i % 2 = 1 THEN 'customer_message' ELSE 'operator_message' END::contact_event_kind,
		timestamptz '2026-03-01 00:00+00' + i * interval '1 s' ORDER BY -i) t FROM generate_series(1, 100000) i) s),
	'100000 50000 1 1 99999', 'a contact of 100 000 events');

-- sessionize = lag() formula
CREATE TABLE visits AS SELECT i, abs(hashint4(i)) % 500 AS customer,
	CASE WHEN i % 53 = 0 THEN NULL ELSE timestamptz '2026-03-01' + (abs(hashint4(i + 1)) % 2000000) * interval '1 s' END AS at
FROM generate_series(1, 30000) i;
SELECT is(mismatches(
	$$(SELECT i, sessionize(at, '6 hours') OVER (PARTITION BY customer ORDER BY at, i) FROM visits) a$$,
	$$(SELECT i, (1 + sum(CASE WHEN at - prev > interval '6 hours' THEN 1 ELSE 0 END)
			OVER (PARTITION BY customer ORDER BY at, i))::int
		FROM (SELECT i, customer, at, lag(at) OVER (PARTITION BY customer ORDER BY at, i) prev FROM visits WHERE at IS NOT NULL) s
		UNION ALL SELECT i, NULL FROM visits WHERE at IS NULL) b$$), 0::bigint,
	'sessionize = the lag() formula (NULL times skipped)');

-- errors
SELECT throws_ok($$SELECT contact_timeline('answerd'::text, now())$$, '22P02', 'invalid contact event kind: "answerd"', 'unknown text kind names it');
SELECT throws_ok($$SELECT contact_timeline('offered'::contact_event_kind, '-infinity')$$, '22008', NULL, 'infinite time');
SELECT throws_ok($$SELECT contact_timeline('bot_message'::contact_event_kind, now(), 'customer')$$, '22023', NULL, 'message party contradicts kind');
SELECT throws_ok($$SELECT sessionize(at, '1 h') OVER (ORDER BY i) FROM timeline_matrix.visits$$, '42P20', NULL, 'sessionize out of order');

SELECT * FROM finish();
DROP SCHEMA timeline_matrix CASCADE;

-- pgTAP: the demo's operator time (generate_demo_agent_status, generate_demo_schedule,
-- generate_demo_chats) checked against its contacts with plain SQL, and the cookbook's
-- operator-month view (docs/cookbook.md, bi.operator_time_monthly) against a hand-written
-- lead() + clipping of the status log.
\set schema demo_operator_time
\ir helpers.psql

SELECT plan(9);
SET TimeZone = 'UTC';

CREATE TABLE dc AS SELECT * FROM generate_demo_contacts(2, '2026-03-01', 42);
CREATE TABLE st AS SELECT * FROM generate_demo_agent_status(2, '2026-03-01', 42);
CREATE TABLE sc AS SELECT * FROM generate_demo_schedule(2, '2026-03-01', 42);
CREATE TABLE chats AS SELECT * FROM generate_demo_chats(2, '2026-03-01', 42);
CREATE TABLE cats AS SELECT '{"Chat": "handling", "Call": "handling", "Email": "handling",
  "Wrap-up": "after_call_work", "Ready": "available", "Break": "break", "Training": "training",
  "Meeting": "meeting", "Logged out": "logged_out", "Work": "available"}'::jsonb AS categories;

-- the cookbook's two steps, over March and April
CREATE TABLE operator_day_time AS
WITH ev AS (
	SELECT operator_id, at, status, NULL::text AS activity, NULL::timestamptz AS until FROM st
	UNION ALL
	SELECT operator_id, starts_at, NULL, activity, ends_at FROM sc)
SELECT operator_id, (bucket_start(s) AT TIME ZONE 'UTC')::date AS day, s
FROM (SELECT operator_id, agent_time(at, status, activity, until, '1 day', '2026-03-01', '2026-05-01', 'UTC'
		ORDER BY at) AS days
	FROM ev GROUP BY operator_id) o, unnest(days) AS s;
CREATE VIEW operator_time_monthly AS
WITH m AS (SELECT date_trunc('month', day::timestamp)::date AS month, operator_id, rollup(s) AS s
	FROM operator_day_time GROUP BY 1, 2)
SELECT m.month, m.operator_id, occupancy(m.s, c.categories) AS occupancy, utilisation(m.s, c.categories) AS utilisation,
	adherence(m.s, c.categories) AS adherence,
	span_seconds(m.s) - unknown_seconds(m.s) - category_seconds(m.s, c.categories, 'logged_out') AS logged_in_seconds
FROM m CROSS JOIN cats c;

-- by hand: each status lasts until the next row (lead), clipped to March
CREATE TABLE by_hand AS
SELECT operator_id, status,
	sum(extract(epoch FROM least(nxt, '2026-04-01') - greatest(at, '2026-03-01'))) AS seconds
FROM (SELECT operator_id, at, status, lead(at) OVER (PARTITION BY operator_id ORDER BY at) AS nxt FROM st) x
WHERE at < '2026-04-01' AND nxt > '2026-03-01'
GROUP BY 1, 2;
SELECT is((SELECT round(occupancy, 10) FROM operator_time_monthly WHERE operator_id = 'vera' AND month = '2026-03-01'),
	(SELECT round(100 * sum(seconds) FILTER (WHERE status IN ('Chat', 'Call', 'Email', 'Wrap-up'))
		/ sum(seconds) FILTER (WHERE status IN ('Chat', 'Call', 'Email', 'Wrap-up', 'Ready')), 10)
	 FROM by_hand WHERE operator_id = 'vera'),
	'vera''s occupancy in March: the view = lead() + clipping by hand');
SELECT is((SELECT count(*) FROM operator_time_monthly m JOIN (SELECT operator_id,
		100 * sum(seconds) FILTER (WHERE status IN ('Chat', 'Call', 'Email', 'Wrap-up')) / sum(seconds) FILTER (WHERE status <> 'Logged out') AS u,
		sum(seconds) FILTER (WHERE status <> 'Logged out') AS li
		FROM by_hand GROUP BY 1) h USING (operator_id)
	WHERE m.month = '2026-03-01' AND (round(m.utilisation, 10) <> round(h.u, 10) OR m.logged_in_seconds <> h.li)),
	0::bigint, 'every operator''s March utilisation and logged-in time: the view = by hand');
SELECT ok((SELECT min(adherence) > 90 AND max(adherence) < 100 FROM operator_time_monthly),
	'adherence high but not 100 % for every operator and month');

-- the log's busy time is the contacts' handling: per operator, the time in Call, Wrap-up, Chat
-- or Email = the length of the union of the handled contacts' intervals; the time in Call or
-- Wrap-up = the union of the calls' (answer, answer + handle seconds)
CREATE TABLE log_time AS
SELECT operator_id, sum(extract(epoch FROM nxt - at)) FILTER (WHERE status IN ('Call', 'Wrap-up', 'Chat', 'Email')) AS busy,
	sum(extract(epoch FROM nxt - at)) FILTER (WHERE status IN ('Call', 'Wrap-up')) AS calls
FROM (SELECT operator_id, at, status, lead(at) OVER (PARTITION BY operator_id ORDER BY at) AS nxt FROM st) x
GROUP BY 1;
CREATE FUNCTION union_seconds(m tstzmultirange) RETURNS numeric LANGUAGE sql IMMUTABLE
RETURN (SELECT coalesce(sum(extract(epoch FROM upper(r) - lower(r))), 0) FROM unnest(m) r);
CREATE TABLE contact_time AS
SELECT operator_id, union_seconds(range_agg(tstzrange(answered_at, answered_at + make_interval(secs => handle_seconds)))) AS busy,
	union_seconds(range_agg(tstzrange(answered_at, answered_at + make_interval(secs => handle_seconds))) FILTER (WHERE channel = 'call')) AS calls,
	sum(handle_seconds) FILTER (WHERE channel = 'call') AS call_handle
FROM dc WHERE operator_id IS NOT NULL GROUP BY 1;
SELECT is((SELECT count(*) FROM log_time l JOIN contact_time c USING (operator_id) WHERE l.busy <> c.busy OR l.calls <> c.calls),
	0::bigint, 'per operator: busy and call time in the log = the union of the contacts'' handling');
SELECT is((SELECT count(*) FROM contact_time), (SELECT count(*) FROM log_time), 'every operator with contacts has a log');
-- the calls' handle time itself: equal wherever an operator's calls never overlap (random assignment
-- lets a few overlap: the log cannot be on two calls at once)
SELECT ok((SELECT sum(calls) / sum(call_handle) BETWEEN 0.99 AND 1 FROM contact_time),
	'call time in the log = the calls'' handle seconds (within the overlaps of an operator''s calls)');

-- the chats are the chat contacts' handling
SELECT is((SELECT count(*) FROM chats c JOIN dc d USING (contact_id)
	WHERE d.channel <> 'chat' OR d.operator_id <> c.operator_id OR c.started_at <> d.answered_at
		OR c.ended_at <> d.answered_at + make_interval(secs => d.handle_seconds)),
	0::bigint, 'each chat interval is its contact''s answer + handle seconds');
SELECT is((SELECT count(*) FROM chats), (SELECT count(*) FROM dc WHERE channel = 'chat' AND operator_id IS NOT NULL),
	'every handled chat has an interval');

-- the schedule: an operator's planned intervals never overlap (agent_time would refuse them)
SELECT is((SELECT count(*) FROM (SELECT ends_at, lead(starts_at) OVER (PARTITION BY operator_id ORDER BY starts_at) AS nxt FROM sc) x
	WHERE nxt < ends_at), 0::bigint, 'planned intervals do not overlap');

SELECT * FROM finish();
DROP SCHEMA :"schema" CASCADE;

--
-- Contact timelines: contact_timeline() on hand-computed chats and calls,
-- every accessor, NULLs, ties, out-of-order input, errors, text forms,
-- sessionize().
--
SET timezone = 'UTC';
CREATE TABLE tl_events (contact text, kind contact_event_kind, at timestamptz,
	party contact_party, operator_id text);
-- A chat.  Sorted: ties by kind, so the 09:04 customer message comes before
-- the 09:04 operator message, and the 09:10 customer message before the
-- 09:10 reopen.
--   turns: 09:00:00 -> 09:01:00  60 s (first response)
--          09:02:00 -> 09:04:00 120 s (09:02:30 and 09:04 customer messages join it)
--          09:10:00 -> 09:12:00 120 s       -> 3 turns, total 300, avg 100, max 120
--   assignment 09:00:30 -> reply 09:01:00: 30 s
--   handle (chat): first operator message 09:01:00 -> first resolve 09:05:30: 270 s
--   resolution: first customer message 09:00 -> first resolve 09:05:30: 330 s
--   duration 09:00 -> 09:12:30: 750 s; 15 events; customer 5, operator 4, bot 1
--   operators anna, boris: 2; 1 transfer; 1 reopen; bot before the first
--   operator message: handoff; resolved again at 09:12:30 after the reopen
INSERT INTO tl_events VALUES
	('chat', 'customer_message', '2026-03-02 09:00:00', NULL, NULL),
	('chat', 'bot_message',      '2026-03-02 09:00:05', NULL, NULL),
	('chat', 'assigned',         '2026-03-02 09:00:30', 'system', 'anna'),
	('chat', 'operator_message', '2026-03-02 09:01:00', NULL, 'anna'),
	('chat', 'customer_message', '2026-03-02 09:02:00', 'customer', NULL),
	('chat', 'customer_message', '2026-03-02 09:02:30', NULL, NULL),
	('chat', 'operator_message', '2026-03-02 09:04:00', 'operator', 'anna'),
	('chat', 'customer_message', '2026-03-02 09:04:00', NULL, NULL),
	('chat', 'transferred',      '2026-03-02 09:05:00', 'operator', 'anna'),
	('chat', 'operator_message', '2026-03-02 09:05:10', NULL, 'boris'),
	('chat', 'resolved',         '2026-03-02 09:05:30', 'operator', 'boris'),
	('chat', 'reopened',         '2026-03-02 09:10:00', 'customer', NULL),
	('chat', 'customer_message', '2026-03-02 09:10:00', NULL, NULL),
	('chat', 'operator_message', '2026-03-02 09:12:00', NULL, 'boris'),
	('chat', 'resolved',         '2026-03-02 09:12:30', 'operator', 'boris');
-- A call: answered 10:00:40, ended 10:08:00, wrap-up until 10:09:30:
--   handle 530 s (440 talk with 110 hold, 90 wrap-up); hold 90 + 20 = 110 s;
--   resolution offered 10:00 -> resolved 10:09:30: 570 s; no messages.
-- An abandoned call: offered 11:00:00, abandoned 11:01:15: 75 s, no handle time.
INSERT INTO tl_events VALUES
	('call', 'offered',    '2026-03-02 10:00:00', NULL, NULL),
	('call', 'answered',   '2026-03-02 10:00:40', 'operator', 'carl'),
	('call', 'hold_start', '2026-03-02 10:02:00', 'operator', 'carl'),
	('call', 'hold_end',   '2026-03-02 10:03:30', 'operator', 'carl'),
	('call', 'hold_start', '2026-03-02 10:05:00', 'operator', 'carl'),
	('call', 'hold_end',   '2026-03-02 10:05:20', 'operator', 'carl'),
	('call', 'ended',      '2026-03-02 10:08:00', 'customer', NULL),
	('call', 'resolved',   '2026-03-02 10:09:30', 'operator', 'carl'),
	('call', 'wrapup_end', '2026-03-02 10:09:30', 'operator', 'carl'),
	('lost', 'offered',    '2026-03-02 11:00:00', NULL, NULL),
	('lost', 'abandoned',  '2026-03-02 11:01:15', 'customer', NULL);
CREATE TABLE tl AS
SELECT contact, contact_timeline(kind, at, party, operator_id) AS t FROM tl_events GROUP BY contact;
SELECT contact, first_event_at(t), first_customer_message_at(t), first_response_time(t) AS frt,
	avg_response_time(t) AS art, max_response_time(t) AS max_rt, response_turns(t) AS turns,
	assignment_to_reply_time(t) AS assign_reply
FROM tl ORDER BY contact;
SELECT contact, handle_time(t), hold_time(t), contact_duration(t), time_to_resolution(t)
FROM tl ORDER BY contact;
SELECT contact, event_count(t), message_count(t), message_count(t, 'customer') AS customer,
	message_count(t, 'operator') AS operator, message_count(t, 'bot') AS bot,
	message_count(t, 'system') AS system, operator_count(t), transfer_count(t), reopen_count(t),
	bot_handoff(t), is_abandoned(t), is_resolved(t)
FROM tl ORDER BY contact;
-- the text form; it reads back to the same value
SELECT contact, t FROM tl ORDER BY contact;
SELECT count(*) FILTER (WHERE t::text::contact_timeline::text = t::text) AS same, count(*) FROM tl;

-- the same from text kinds, from the composite type, in any input order
SELECT count(*) AS differing FROM tl JOIN (
	SELECT contact, contact_timeline(kind::text, at, party, operator_id ORDER BY at DESC, kind DESC) AS a,
		contact_timeline(ROW(kind, at, party, operator_id)::contact_event ORDER BY md5(kind::text || at::text)) AS b
	FROM tl_events GROUP BY contact) x USING (contact)
WHERE a::text <> t::text OR b::text <> t::text;
-- party defaults from the kind: NULL or absent parties give the same timeline
SELECT count(*) AS differing FROM (
	SELECT contact, contact_timeline(kind, at)::text AS a, contact_timeline(kind, at, NULL)::text AS b,
		contact_timeline(kind, at, CASE WHEN kind IN ('customer_message', 'operator_message', 'bot_message')
			THEN NULL ELSE 'system' END::contact_party)::text AS c
	FROM tl_events GROUP BY contact) s WHERE a <> b OR a <> c;

-- NULLs: rows with a NULL kind or time are skipped; no event gives NULL
SELECT contact_timeline(k, a) IS NULL AS no_rows FROM tl_events, LATERAL (SELECT kind, at) v(k, a) WHERE false;
SELECT contact_timeline(k, a) IS NULL AS only_nulls
FROM (VALUES ('offered'::contact_event_kind, NULL::timestamptz), (NULL, '2026-03-02 10:00+00')) v(k, a);
SELECT event_count(contact_timeline(k, a)) AS counted
FROM (VALUES ('offered'::contact_event_kind, NULL::timestamptz), ('offered', '2026-03-02 10:00+00'),
	('ended', '2026-03-02 10:01+00'), (NULL, '2026-03-02 10:00+00')) v(k, a);
-- one event: duration 0, nothing else applies
SELECT t, contact_duration(t), first_response_time(t), handle_time(t), hold_time(t), is_resolved(t)
FROM (SELECT contact_timeline('customer_message'::contact_event_kind, '2026-03-02 10:00+00')) s(t);

-- ties: a reply at the same instant is a 0 s response; a reopen at the instant
-- of the resolve comes after it (kind order): not resolved
SELECT first_response_time(t), avg_response_time(t), is_resolved(t), reopen_count(t)
FROM (SELECT contact_timeline(k::contact_event_kind, a::timestamptz)
	FROM (VALUES ('operator_message', '2026-03-02 10:00+00'), ('customer_message', '2026-03-02 10:00+00'),
		('reopened', '2026-03-02 10:05+00'), ('resolved', '2026-03-02 10:05+00')) v(k, a)) s(t);
-- a hold still open at the end closes at ended; the first answered and the
-- first ended after it make the call, without wrap-up
SELECT handle_time(t), hold_time(t)
FROM (SELECT contact_timeline(k::contact_event_kind, a::timestamptz)
	FROM (VALUES ('answered', '2026-03-02 10:00+00'), ('hold_start', '2026-03-02 10:01+00'),
		('ended', '2026-03-02 10:03+00'), ('ended', '2026-03-02 10:04+00')) v(k, a)) s(t);
-- a chat never resolved: handle ends at the last operator message; a
-- trailing unanswered customer message is not a turn; bot only: no handoff
SELECT handle_time(t), response_turns(t), avg_response_time(t), time_to_resolution(t), bot_handoff(t)
FROM (SELECT contact_timeline(k::contact_event_kind, a::timestamptz)
	FROM (VALUES ('customer_message', '2026-03-02 10:00+00'), ('operator_message', '2026-03-02 10:02+00'),
		('operator_message', '2026-03-02 10:07+00'), ('customer_message', '2026-03-02 10:09+00')) v(k, a)) s(t);
SELECT bot_handoff(contact_timeline(k::contact_event_kind, '2026-03-02 10:00+00'::timestamptz + n * interval '1 min'))
FROM (VALUES ('customer_message', 0), ('bot_message', 1), ('resolved', 2)) v(k, n);

-- as a window aggregate (the inverse takes events out of the frame)
SELECT at::time, contact_duration(t), hold_time(t), event_count(t)
FROM (SELECT at, contact_timeline(kind, at) OVER (ORDER BY at, kind ROWS 2 PRECEDING) AS t
	FROM tl_events WHERE contact = 'call') s;

-- errors
SELECT contact_timeline('answerd'::text, now());
SELECT contact_timeline('offered'::contact_event_kind, 'infinity');
SELECT contact_timeline('customer_message'::contact_event_kind, now(), 'operator');
SELECT contact_timeline('assigned'::contact_event_kind, now(), 'system', repeat('x', 70000));
SELECT '{"version":1}'::contact_timeline;
SELECT replace(t::text, '"events":15', '"events":0')::contact_timeline FROM tl WHERE contact = 'chat';
SELECT replace(t::text, '"response_max":120', '"response_max":10')::contact_timeline FROM tl WHERE contact = 'chat';
SELECT replace(t::text, '"hold":0', '"hold":-1')::contact_timeline FROM tl WHERE contact = 'chat';
SELECT replace(t::text, '"handle":270', '"handle":270.0000001')::contact_timeline FROM tl WHERE contact = 'chat';
SELECT replace(t::text, '}', ',"extra":1}')::contact_timeline FROM tl WHERE contact = 'chat';

-- the state type: events as text, read back and summarized
SELECT '{"version":1,"events":[["2026-03-02 10:00:00+00","customer_message","customer",null],["2026-03-02 10:00:45.5+00","operator_message","operator","an\"na"]]}'::contact_timeline_state;
SELECT first_response_time(contact_timeline_final('{"version":1,"events":[["2026-03-02 10:00:45.5+00","operator_message","operator","anna"],["2026-03-02 10:00:00+00","customer_message","customer",null]]}'));
SELECT contact_timeline_final('{"version":1,"events":[]}') IS NULL AS empty;
SELECT '{"version":1,"events":[["2026-03-02 10:00:00+00","bot_message","customer",null]]}'::contact_timeline_state;
SELECT '{"version":1,"events":[["infinity","offered","system",null]]}'::contact_timeline_state;
SELECT '{"version":1,"events":[["2026-03-02 10:00:00+00","called","system",null]]}'::contact_timeline_state;

-- sessionize: a new session after more than 30 minutes of silence (exactly
-- 30 minutes stays in the session); NULL times give NULL and are skipped
CREATE TABLE tl_visits (customer text, at timestamptz);
INSERT INTO tl_visits VALUES ('a', '2026-03-02 09:00'), ('a', '2026-03-02 09:20'), ('a', '2026-03-02 09:50'),
	('a', '2026-03-02 10:20:01'), ('a', NULL), ('a', '2026-03-03 08:00'), ('b', '2026-03-02 09:00'),
	('b', '2026-03-02 09:00');
SELECT customer, at, sessionize(at, '30 min') OVER (PARTITION BY customer ORDER BY at) AS session
FROM tl_visits ORDER BY customer, at;
SELECT sessionize(at, '30 min') OVER (ORDER BY customer) FROM tl_visits;
SELECT sessionize(at, '-1 min') OVER (ORDER BY at) FROM tl_visits;
SELECT sessionize(at, '1 min') OVER () FROM (VALUES ('infinity'::timestamptz)) v(at);
-- review fixes: events ~300 000 years apart are an error, not a wrapped
-- duration; inconsistent counts in a timeline's text form are rejected
SELECT contact_timeline(k::contact_event_kind, a) FROM (VALUES
	('customer_message', timestamptz '4714-11-24 00:00:00+00 BC'),
	('operator_message', timestamptz '294276-12-31 23:59:59+00')) v(k, a);
SELECT '{"version":1,"first_event":"2026-03-02 10:00:00+00","last_event":"2026-03-02 10:09:30+00","first_customer_message":"2026-03-02 10:00:00+00","events":1,"customer_messages":4611686018427387904,"operator_messages":4611686018427387904,"bot_messages":4611686018427387904,"operators":1,"transfers":4611686018427387904,"reopens":0,"response_turns":0,"first_response":null,"response_total":null,"response_max":null,"assignment_to_reply":null,"handle":530,"hold":110,"resolution":570,"bot_handoff":false,"abandoned":false,"resolved":true}'::contact_timeline;
-- forged timelines the aggregate cannot make are refused, in text (22P02) and
-- in binary (22P03): one response turn whose first response (0 s) is not its
-- total and maximum (45.5 s); a first response that ends 45.5 s after the
-- last event (the first customer message is the last event)
SELECT '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:00:45.5+00","first_customer_message":"2026-03-02 09:00:00+00","events":2,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":0,"response_total":45.5,"response_max":45.5,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}'::contact_timeline;
SELECT '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:00:45.5+00","first_customer_message":"2026-03-02 09:00:45.5+00","events":4,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":45.5,"response_total":45.5,"response_max":45.5,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":45.5,"bot_handoff":false,"abandoned":false,"resolved":true}'::contact_timeline;
-- a resolution longer than the time from the first customer message to the
-- last event started at an earlier offered event: the aggregate makes one
-- (it reads back), without room for the offered event it is refused
SELECT t, t::text::contact_timeline::text = t::text AS reads_back
FROM (SELECT contact_timeline(k::contact_event_kind, at)::text AS t FROM (VALUES
	('offered', timestamptz '2026-03-02 09:00:00+00'), ('customer_message', '2026-03-02 09:00:45.5+00'),
	('resolved', '2026-03-02 09:00:45.5+00')) v(k, at)) s;
SELECT '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:00:45.5+00","first_customer_message":"2026-03-02 09:00:45.5+00","events":2,"customer_messages":1,"operator_messages":0,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":0,"first_response":null,"response_total":null,"response_max":null,"assignment_to_reply":null,"handle":null,"hold":0,"resolution":45.5,"bot_handoff":false,"abandoned":false,"resolved":true}'::contact_timeline;
-- the same forgeries in binary, from the send form of a chat of one turn:
-- version, flags, 8 counts, first / last event / first customer message,
-- then first_response (byte 91), ..., resolution (byte 139), int64 each
CREATE FUNCTION pg_temp.recv_bytes(typ regtype, bytes bytea) RETURNS text
	AS 'support_kpi', 'skpi_test_recv' LANGUAGE C STRICT;
CREATE TABLE tl_wire AS SELECT contact_timeline_send(contact_timeline(k::contact_event_kind, at)) AS b
FROM (VALUES ('customer_message', timestamptz '2026-03-02 09:00:00+00'), ('operator_message', '2026-03-02 09:00:45.5+00')) v(k, at);
SELECT pg_temp.recv_bytes('contact_timeline', b) = (SELECT contact_timeline(k::contact_event_kind, at)::text
	FROM (VALUES ('customer_message', timestamptz '2026-03-02 09:00:00+00'), ('operator_message', '2026-03-02 09:00:45.5+00')) v(k, at)) AS genuine
FROM tl_wire;
SELECT pg_temp.recv_bytes('contact_timeline', overlay(b placing int8send(0) from 91 for 8)) FROM tl_wire;
SELECT pg_temp.recv_bytes('contact_timeline', overlay(overlay(overlay(overlay(b placing '\x09'::bytea from 2 for 1)
	placing int8send(4) from 3 for 8) placing substr(b, 75, 8) from 83 for 8) placing int8send(45500000) from 139 for 8))
FROM tl_wire;
-- an unknown kind is echoed at most 256 bytes, with its length (the limit
-- errors, which need half a gigabyte, are in test/cancel_limits.sql)
SELECT contact_timeline(repeat('x', 300), now());

--
-- Contact timelines: the paths of the aggregate's state (src/timeline_state.c).
-- Events of default parties without operator ids go into a compact state
-- appended in place; an event with a party or operator id of its own, or a
-- contact past 8 kB of them, turns it into the general forms; the final
-- function sorts the compact events as integer keys (insertion sort up to
-- 32 events, not at all when they came in order).  Every result here is
-- compared with one computed another way: the same events read back from a
-- stored state's text (the general path), in another order, or by SQL.
--
SET timezone = 'UTC';
-- 400 contacts of 1 to 1200 events (most within one hour, some with ties:
-- the times are whole minutes), kinds of every sort; contact 7 has events
-- far apart (60 000 years: no integer keys), contact 8 events years apart
CREATE TABLE tlp AS
SELECT c, i,
	(enum_range(NULL::contact_event_kind))[1 + (h % 14)] AS kind,
	timestamptz '2026-03-02 09:00' + ((h / 14) % 60) * interval '1 min'
		+ CASE c WHEN 7 THEN ((h / 840) % 3) * interval '30000 years'
			WHEN 8 THEN ((h / 840) % 3) * interval '3 years' ELSE interval '0' END AS at
FROM (SELECT c, i, abs(hashint4(c * 100003 + i)) AS h
	FROM generate_series(1, 400) c,
		LATERAL generate_series(1, CASE WHEN c % 100 = 0 THEN 1200 WHEN c % 10 = 0 THEN 40
			ELSE 1 + c % 23 END) i) x;
-- a few NULL kinds and times, skipped by the aggregate
UPDATE tlp SET kind = NULL WHERE i % 17 = 5;
UPDATE tlp SET at = NULL WHERE i % 19 = 7;
-- the text form of each contact's events in a given order, built by SQL:
-- read back, a stored state (kind 0) summarized by the general path
CREATE FUNCTION tlp_text(ord text) RETURNS TABLE (c int, st text) LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
		SELECT c, '{"version":1,"events":[' || coalesce(string_agg(format('["%%s","%%s","%%s",null]',
			to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00', kind,
			CASE kind WHEN 'customer_message' THEN 'customer' WHEN 'operator_message' THEN 'operator'
				WHEN 'bot_message' THEN 'bot' ELSE 'system' END), ',' ORDER BY %s)
			FILTER (WHERE kind IS NOT NULL AND at IS NOT NULL), '') || ']}'
		FROM tlp GROUP BY c$q$, ord);
END $$;
-- the aggregate's state itself: an aggregate with no final function
CREATE AGGREGATE tlp_state(contact_event_kind, timestamptz) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state);
CREATE AGGREGATE tlp_state(contact_event_kind, timestamptz, contact_party, text) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state);

-- 1. in order, in reverse order, in the table's order: each the summary of
-- the stored state of the same events
SELECT o.ord, count(*) AS contacts,
	count(*) FILTER (WHERE t.t::text IS DISTINCT FROM contact_timeline_final(s.st::contact_timeline_state)::text) AS differ
FROM (VALUES ('at, kind'), ('at DESC, kind DESC'), ('i')) o(ord),
	LATERAL (SELECT c, CASE o.ord WHEN 'at, kind' THEN (SELECT contact_timeline(kind, at ORDER BY at, kind) FROM tlp WHERE tlp.c = g.c)
			WHEN 'at DESC, kind DESC' THEN (SELECT contact_timeline(kind, at ORDER BY at DESC, kind DESC) FROM tlp WHERE tlp.c = g.c)
			ELSE (SELECT contact_timeline(kind, at ORDER BY i) FROM tlp WHERE tlp.c = g.c) END AS t
		FROM (SELECT DISTINCT c FROM tlp) g) t
	JOIN tlp_text('i') s USING (c)
GROUP BY o.ord ORDER BY o.ord;
-- grouped by a hash aggregate and by a sort, the same
SET enable_sort = off;
CREATE TABLE tlp_hash AS SELECT c, contact_timeline(kind, at)::text AS t FROM tlp GROUP BY c;
RESET enable_sort;
SET enable_hashagg = off;
CREATE TABLE tlp_sorted AS SELECT c, contact_timeline(kind, at)::text AS t FROM tlp GROUP BY c;
RESET enable_hashagg;
SELECT count(*) AS contacts, count(*) FILTER (WHERE h.t IS DISTINCT FROM s.t) AS differ,
	count(*) FILTER (WHERE h.t IS NULL) AS without_events
FROM tlp_hash h JOIN tlp_sorted s USING (c);
-- and by SQL: events, first and last event, first response (the first
-- customer message to the first operator message at or after it)
SELECT count(*) AS contacts,
	count(*) FILTER (WHERE event_count(h.t::contact_timeline) IS DISTINCT FROM x.n
		OR first_event_at(h.t::contact_timeline) IS DISTINCT FROM x.first
		OR contact_duration(h.t::contact_timeline) IS DISTINCT FROM extract(epoch FROM x.last - x.first)::float8
		OR first_response_time(h.t::contact_timeline) IS DISTINCT FROM extract(epoch FROM x.fr - x.fc)::float8) AS differ
FROM tlp_hash h JOIN (
	SELECT c, count(*) FILTER (WHERE kind IS NOT NULL AND at IS NOT NULL) AS n,
		min(at) FILTER (WHERE kind IS NOT NULL) AS first, max(at) FILTER (WHERE kind IS NOT NULL) AS last,
		min(fc) AS fc, min(at) FILTER (WHERE kind = 'operator_message' AND at >= fc) AS fr
	FROM (SELECT *, min(at) FILTER (WHERE kind = 'customer_message') OVER (PARTITION BY c) AS fc FROM tlp) y
	GROUP BY c) x USING (c);

-- 2. the state's text and binary forms, in the order the rows came, equal
-- those of the stored state of the same events (compact states of up to 908
-- events; the 1200-event contacts became the general form)
SELECT count(*) AS contacts,
	count(*) FILTER (WHERE x.st::text IS DISTINCT FROM s.st::contact_timeline_state::text) AS text_differs,
	count(*) FILTER (WHERE contact_timeline_state_send(x.st) IS DISTINCT FROM contact_timeline_state_send(s.st::contact_timeline_state)) AS binary_differs
FROM (SELECT c, tlp_state(kind, at ORDER BY i) AS st FROM tlp GROUP BY c) x JOIN tlp_text('i') s USING (c);
-- a state of no events (only NULLs), and its timeline
SELECT tlp_state(k, a)::text, contact_timeline(k, a) FROM (VALUES (NULL::contact_event_kind, now()), ('offered', NULL)) v(k, a);
-- an aggregate's state read back from its text form, summarized
SELECT count(*) AS contacts,
	count(*) FILTER (WHERE contact_timeline_final(st)::text IS DISTINCT FROM contact_timeline_final(st::text::contact_timeline_state)::text) AS differ
FROM (SELECT c, tlp_state(kind, at) AS st FROM tlp GROUP BY c) x;

-- 3. an event with a party or an operator id of its own turns a compact
-- state into the general form mid-way: the same as the stored state
SELECT count(*) AS contacts,
	count(*) FILTER (WHERE x.t::text IS DISTINCT FROM contact_timeline_final(x.st::text::contact_timeline_state)::text) AS differ,
	sum(operator_count(x.t)) AS operators
FROM (SELECT c, contact_timeline(kind, at, party, op ORDER BY i) AS t, tlp_state(kind, at, party, op ORDER BY i) AS st
	FROM (SELECT c, i, kind, at,
			CASE WHEN i = 9 AND kind NOT IN ('customer_message', 'operator_message', 'bot_message') THEN 'operator'::contact_party END AS party,
			CASE WHEN i = 6 THEN 'anna' END AS op
		FROM tlp) y GROUP BY c) x;

-- 4. ties: the same instant, sorted by kind (a reply at the instant of the
-- message is a 0 s turn); the same event twice; in either order
SELECT o, contact_timeline(k::contact_event_kind, a::timestamptz ORDER BY n * o)::text
FROM (VALUES (1, 'operator_message', '2026-03-02 09:00'), (2, 'customer_message', '2026-03-02 09:00'),
	(3, 'customer_message', '2026-03-02 09:00'), (4, 'operator_message', '2026-03-02 09:05'),
	(5, 'customer_message', '2026-03-02 09:05')) v(n, k, a), (VALUES (1), (-1)) s(o)
GROUP BY o ORDER BY o;

-- 5. parallel workers: partial compact states merged by the combine (and
-- merged into the general form past 8 kB), the same as a serial plan
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
ALTER TABLE tlp SET (parallel_workers = 2);
EXPLAIN (COSTS OFF) SELECT c, contact_timeline(kind, at) FROM tlp GROUP BY c;
CREATE TABLE tlp_par AS SELECT c, contact_timeline(kind, at)::text AS t FROM tlp GROUP BY c;
CREATE TABLE tlp_par_mixed AS SELECT c, contact_timeline(kind, at, NULL, CASE WHEN i % 50 = 3 THEN 'anna' END)::text AS t FROM tlp GROUP BY c;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT count(*) AS contacts, count(*) FILTER (WHERE p.t IS DISTINCT FROM h.t) AS differ
FROM tlp_par p JOIN tlp_hash h USING (c);
SELECT count(*) AS contacts, count(*) FILTER (WHERE p.t IS DISTINCT FROM s.t) AS differ
FROM tlp_par_mixed p
	JOIN (SELECT c, contact_timeline(kind, at, NULL, CASE WHEN i % 50 = 3 THEN 'anna' END)::text AS t FROM tlp GROUP BY c) s USING (c);

-- 6. window frames: the inverse transition takes events out of a compact
-- state (and returns NULL for an event it does not hold: the frame is then
-- recomputed); each frame equals the aggregate over its rows
CREATE TABLE tlp_w AS SELECT *, CASE WHEN i % 13 = 4 AND kind NOT IN ('customer_message', 'operator_message', 'bot_message') THEN 'customer'::contact_party END AS party
	FROM tlp WHERE c <= 60;
SELECT count(*) AS frames,
	count(*) FILTER (WHERE w.t::text IS DISTINCT FROM
		(SELECT contact_timeline(x.kind, x.at, x.party) FROM tlp_w x WHERE x.c = w.c AND x.i BETWEEN w.i - 4 AND w.i)::text) AS differ,
	count(*) FILTER (WHERE w.t IS NULL) AS empty_frames
FROM (SELECT c, i, contact_timeline(kind, at, party) OVER (PARTITION BY c ORDER BY i ROWS 4 PRECEDING) AS t FROM tlp_w) w;
SELECT count(*) AS frames,
	count(*) FILTER (WHERE w.t::text IS DISTINCT FROM
		(SELECT contact_timeline(x.kind, x.at) FROM tlp_w x WHERE x.c = w.c AND x.i BETWEEN w.i - 30 AND w.i)::text) AS differ
FROM (SELECT c, i, contact_timeline(kind, at) OVER (PARTITION BY c ORDER BY i ROWS 30 PRECEDING) AS t FROM tlp_w) w;

-- 9. a compact state stored as it is (the running state of an aggregate
-- without a final function) and read back by an aggregate that starts from
-- it (the combine as transition): every byte checked, as by the other
-- readers.  skpi_test_raw gives a value's bytes and makes a value of any
-- bytes (as a superuser can declare any C symbol).
CREATE FUNCTION tlp_raw_bytes(contact_timeline_state) RETURNS bytea AS 'support_kpi', 'skpi_test_raw' LANGUAGE C STRICT;
CREATE FUNCTION tlp_raw_state(bytea) RETURNS contact_timeline_state AS 'support_kpi', 'skpi_test_raw' LANGUAGE C STRICT;
CREATE AGGREGATE tlp_of_states(contact_timeline_state) (
	SFUNC = contact_timeline_combine, STYPE = contact_timeline_state, FINALFUNC = contact_timeline_final);
CREATE AGGREGATE tlp_roll(contact_timeline_state) (SFUNC = contact_timeline_combine, STYPE = contact_timeline_state);
CREATE TABLE tlp_raw AS SELECT tlp_raw_bytes(tlp_state(k, at)) AS b
FROM (VALUES ('customer_message'::contact_event_kind, timestamptz '2026-03-02 10:00'),
	('operator_message', '2026-03-02 10:01')) v(k, at);
-- intact: two events in 9 bytes each, FRT 60 s
SELECT (SELECT octet_length(b) FROM tlp_raw) AS bytes,
	(SELECT first_response_time(tlp_of_states(tlp_raw_state(b))) FROM tlp_raw) AS frt;
-- the second event's kind byte out of range, then the version byte: refused
-- by the final function and by the combine (a wrong summary before)
SELECT tlp_of_states(tlp_raw_state(set_byte(b, 53, 200))) FROM tlp_raw;
SELECT tlp_of_states(tlp_raw_state(set_byte(b, 0, 7))) FROM tlp_raw;
SELECT tlp_roll(x)::text FROM (SELECT tlp_raw_state(set_byte(b, 0, 7)) x FROM tlp_raw
	UNION ALL SELECT tlp_raw_state(b) FROM tlp_raw) v;
SELECT tlp_roll(x)::text FROM (SELECT tlp_raw_state(set_byte(b, 53, 200)) x FROM tlp_raw
	UNION ALL SELECT tlp_raw_state(b) FROM tlp_raw) v;
DROP AGGREGATE tlp_of_states(contact_timeline_state);
DROP AGGREGATE tlp_roll(contact_timeline_state);
DROP TABLE tlp_raw;
DROP FUNCTION tlp_raw_state(bytea);
DROP FUNCTION tlp_raw_bytes(contact_timeline_state);

DROP TABLE tlp, tlp_hash, tlp_sorted, tlp_par, tlp_par_mixed, tlp_w;
DROP AGGREGATE tlp_state(contact_event_kind, timestamptz);
DROP AGGREGATE tlp_state(contact_event_kind, timestamptz, contact_party, text);
DROP FUNCTION tlp_text(text);

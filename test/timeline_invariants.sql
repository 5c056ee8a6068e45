-- pgTAP: the invariants of contact_timeline values, as a property test.
--
-- (a) Every value the aggregate makes of 4000 seeded random contacts (single
--     events, bot-only contacts, chats, calls with holds, abandoned,
--     resolved, reopened and transferred contacts, heavy ties, any kind at
--     random, spans of years to the microsecond) and of sliding window
--     frames over them is accepted back from its text form and from its
--     binary form (send -> recv, and a binary COPY), unchanged; and it
--     satisfies the invariants as an independent plain-SQL predicate states
--     them (violation() below, over the accessors).
-- (b) Random mutations of those text forms (a field changed by a random
--     amount, two fields swapped, a field set to null or -1, a flag toggled)
--     are either refused with 22P02 or accepted as a value that satisfies the
--     predicate and reads back unchanged; never another error.  The same
--     mutations in the binary form (where the field values fit it) get the
--     same verdict, refused with 22P03.
\set schema timeline_invariants
\ir helpers.psql

SELECT plan(12);
SET timezone = 'UTC';
SELECT setseed(0.1702);

CREATE FUNCTION recv_bytes(typ regtype, bytes bytea) RETURNS text
	AS 'support_kpi', 'skpi_test_recv' LANGUAGE C STRICT;

-- 1. random contacts: a scenario each, its events in ev
CREATE TABLE contacts AS
SELECT c, (ARRAY['single', 'bot_only', 'chat', 'chat', 'chat', 'call', 'call', 'random', 'random', 'ties',
		'wide'])[1 + floor(random() * 11)::int] AS scenario,
	timestamptz '2026-03-01' + c * interval '1 hour' + make_interval(secs => floor(random() * 1e6) / 1e6) AS base,
	2 + floor(random() * random() * 40)::int AS n
FROM generate_series(1, 4000) c;
CREATE TABLE ev (c int, kind contact_event_kind, at timestamptz, party contact_party, op text, j int);
-- a random kind from a weighted list; a party: NULL (the kind's default) or,
-- for other kinds than messages, any party
CREATE FUNCTION any_kind(r float8) RETURNS contact_event_kind LANGUAGE sql IMMUTABLE AS
$$ SELECT (enum_range(NULL::contact_event_kind))[1 + floor(r * 14)::int] $$;
CREATE FUNCTION chat_kind(r float8) RETURNS contact_event_kind LANGUAGE sql IMMUTABLE AS
$$ SELECT (ARRAY['customer_message', 'customer_message', 'customer_message', 'customer_message', 'customer_message',
	'operator_message', 'operator_message', 'operator_message', 'operator_message', 'bot_message', 'bot_message',
	'assigned', 'transferred', 'resolved', 'resolved', 'reopened', 'offered', 'hold_start', 'abandoned',
	'ended'])[1 + floor(r * 20)::int]::contact_event_kind $$;
CREATE FUNCTION some_party(k contact_event_kind, r float8) RETURNS contact_party LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN k IN ('customer_message', 'operator_message', 'bot_message') OR r < 0.6 THEN NULL
	ELSE (enum_range(NULL::contact_party))[1 + floor((r - 0.6) / 0.4 * 4)::int] END $$;
CREATE FUNCTION some_op(r float8) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN r < 0.55 THEN NULL WHEN r < 0.98 THEN 'op' || floor(r * 100)::int % 6
	ELSE repeat('long operator id ', 20) || floor(r * 1000)::int % 2 END $$;

INSERT INTO ev SELECT c, any_kind(random()), base, NULL, some_op(random()), 1 FROM contacts WHERE scenario = 'single';
INSERT INTO ev SELECT c, 'bot_message', base + floor(random() * 30) * interval '1 s', NULL, NULL, j
FROM contacts, generate_series(1, n) j WHERE scenario = 'bot_only' AND j <= 6;
-- chats: seconds over 10 minutes (some ties), a microsecond fraction now and then
INSERT INTO ev SELECT c, k, base + make_interval(secs => floor(random() * 600) + CASE WHEN random() < 0.2 THEN floor(random() * 1e6) / 1e6 ELSE 0 END),
	some_party(k, random()), some_op(random()), j
FROM (SELECT c, base, j, chat_kind(random()) AS k FROM contacts, generate_series(1, n) j WHERE scenario = 'chat') x;
-- heavy ties: every kind, within 3 seconds
INSERT INTO ev SELECT c, k, base + floor(random() * 3) * interval '1 s', some_party(k, random()), some_op(random()), j
FROM (SELECT c, base, j, any_kind(random()) AS k FROM contacts, generate_series(1, n) j WHERE scenario = 'ties') x;
-- any kind at random within a minute, microseconds
INSERT INTO ev SELECT c, k, base + make_interval(secs => floor(random() * 60e6) / 1e6), some_party(k, random()), some_op(random()), j
FROM (SELECT c, base, j, any_kind(random()) AS k FROM contacts, generate_series(1, n) j WHERE scenario = 'random') x;
-- long contacts: any kind over up to 20 years, to the microsecond
INSERT INTO ev SELECT c, k, base + make_interval(secs => floor(random() * 20 * 365.25 * 86400e6) / 1e6), some_party(k, random()), some_op(random()), j
FROM (SELECT c, base, j, any_kind(random()) AS k FROM contacts, generate_series(1, least(n, 8)) j WHERE scenario = 'wide') x;
-- calls: offered; answered (or abandoned, or neither); up to 3 holds, the
-- last one sometimes never ended; ended; wrap-up; transfers; resolved and
-- reopened now and then
CREATE TABLE calls AS
SELECT c, base, random() < 0.8 AS answered, random() < 0.7 AS abandoned_if_not, floor(random() * 120) AS wait,
	floor(random() * 4)::int AS holds, random() < 0.85 AS ended, random() < 0.6 AS wrapped,
	random() < 0.2 AS transferred, random() < 0.5 AS resolved, random() < 0.15 AS reopened,
	'agent' || floor(random() * 4)::int AS agent
FROM contacts WHERE scenario = 'call';
INSERT INTO ev
SELECT c, 'offered'::contact_event_kind, base, NULL::contact_party, NULL, 1 FROM calls
UNION ALL SELECT c, 'answered', base + wait * interval '1 s', 'operator', agent, 2 FROM calls WHERE answered
UNION ALL SELECT c, 'abandoned', base + wait * interval '1 s', 'customer', NULL, 2 FROM calls WHERE NOT answered AND abandoned_if_not
UNION ALL SELECT c, 'hold_start', base + (wait + 10 + 100 * h) * interval '1 s', 'operator', agent, 2 + 2 * h FROM calls, generate_series(1, 3) h
	WHERE answered AND h <= holds
UNION ALL SELECT c, 'hold_end', base + (wait + 10 + 100 * h + floor(random() * 90)) * interval '1 s', 'operator', agent, 3 + 2 * h
	FROM calls, generate_series(1, 3) h WHERE answered AND h <= holds AND (h < holds OR random() < 0.7)
UNION ALL SELECT c, 'transferred', base + (wait + 50) * interval '1 s', 'operator', agent, 9 FROM calls WHERE answered AND transferred
UNION ALL SELECT c, 'ended', base + (wait + 400) * interval '1 s', 'customer', NULL, 10 FROM calls WHERE answered AND ended
UNION ALL SELECT c, 'wrapup_end', base + (wait + 400 + floor(random() * 200)) * interval '1 s', 'operator', agent, 11
	FROM calls WHERE answered AND ended AND wrapped
UNION ALL SELECT c, 'resolved', base + (wait + 400 + floor(random() * 300)) * interval '1 s', 'operator', agent, 12 FROM calls WHERE resolved
UNION ALL SELECT c, 'reopened', base + (wait + 800) * interval '1 s', 'customer', NULL, 13 FROM calls WHERE reopened;
ANALYZE ev;

-- the aggregate's values: one per contact, and sliding window frames of 4
-- events (the inverse transition takes events out) over the chats and the
-- random contacts
SET max_parallel_workers_per_gather = 0;
CREATE TABLE tl_all AS
SELECT 'contact' AS src, c, contact_timeline(kind, at, party, op) AS t FROM ev GROUP BY c
UNION ALL
SELECT 'frame', c, t FROM (SELECT c, j, contact_timeline(kind, at, party, op) OVER (PARTITION BY c ORDER BY j, at
		ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS t
	FROM ev WHERE c IN (SELECT c FROM contacts WHERE scenario IN ('chat', 'random'))) w WHERE j % 3 = 0;
RESET max_parallel_workers_per_gather;
CREATE TABLE tl_scen AS SELECT a.*, scenario FROM tl_all a JOIN contacts USING (c);

-- 2. the invariants as plain SQL over the accessors (microseconds as
--    numeric; response_total has no accessor: it is read from the text form)
CREATE FUNCTION us(x float8) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round(x * 1e6)::numeric $$;
CREATE FUNCTION us(x timestamptz) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT extract(epoch FROM x) * 1e6 $$;
CREATE FUNCTION violation(v contact_timeline) RETURNS text LANGUAGE sql STABLE AS $$
SELECT CASE
	WHEN ev < 1 THEN 'at least one event'
	WHEN least(cm, om, bm, tr, ro, ops, n) < 0 THEN 'counts not negative'
	WHEN cm + om + bm + tr + ro > ev OR ops > ev THEN 'counts within the events'
	WHEN dur < 0 THEN 'first event <= last event'
	WHEN ev = 1 AND dur <> 0 THEN 'one event is one instant'
	WHEN (cm > 0) <> (fc IS NOT NULL) THEN 'a first customer message exactly when there are customer messages'
	WHEN fc < f0 OR fc > last THEN 'first customer message within first..last event'
	WHEN hold IS NULL THEN 'hold time always applies'
	WHEN least(frt, mrt, tot, a2r, handle, hold, ttr) < 0 OR greatest(frt, mrt, tot, a2r, handle, hold, ttr) > dur
		THEN 'durations within the contact duration'
	WHEN n > cm OR n > om THEN 'response turns <= messages of either party'
	WHEN (n = 0) <> (frt IS NULL) OR (n = 0) <> (mrt IS NULL) OR (n = 0) <> (tot IS NULL) OR (n = 0) <> (art IS NULL)
		THEN 'response times exactly when there are turns'
	WHEN frt > mrt OR mrt > tot THEN 'first <= max <= total response'
	WHEN n = 1 AND tot <> frt THEN 'one turn: first = max = total response'
	WHEN mrt > frt AND tot - frt < mrt THEN 'a maximum after the first turn is in the total'
	WHEN tot - frt > (n - 1) * mrt THEN 'total <= first + (turns - 1) * max'
	WHEN fc + tot > last THEN 'the turns end by the last event'
	WHEN abs(art * n - tot / 1e6) > 1e-9 * greatest(1, tot / 1e6) THEN 'average = total / turns'
	WHEN n = 0 AND cm > 0 AND om > 0 AND fc = f0 THEN 'an operator message after the first customer message answers it'
	WHEN a2r IS NOT NULL AND om = 0 THEN 'assignment to reply needs an operator message'
	WHEN handoff AND (bm = 0 OR om = 0 OR dur = 0) THEN 'bot handoff: a bot message before the first operator message'
	WHEN fc > f0 AND ev <= cm THEN 'an event before the first customer message'
	WHEN cm + om + bm + tr + ro + abandoned::int + (resolved OR ttr IS NOT NULL)::int + (hold > 0)::int
		+ (a2r IS NOT NULL)::int + CASE WHEN handle IS NOT NULL AND om = 0 THEN 2 ELSE 0 END
		+ (handle IS NULL AND om > 0)::int + coalesce(ttr IS NOT NULL AND (cm = 0 OR ttr > last - fc), false)::int > ev
		THEN 'events for what the flags and durations say happened'
	END
FROM (SELECT event_count(v) ev, message_count(v, 'customer') cm, message_count(v, 'operator') om,
		message_count(v, 'bot') bm, transfer_count(v) tr, reopen_count(v) ro, operator_count(v) ops,
		response_turns(v) n, us(first_event_at(v)) f0, us(first_event_at(v)) + us(contact_duration(v)) AS last,
		us(contact_duration(v)) dur, us(first_customer_message_at(v)) fc,
		us(first_response_time(v)) frt, us(max_response_time(v)) mrt, avg_response_time(v) art,
		(v::text::jsonb ->> 'response_total')::numeric * 1e6 tot,
		us(assignment_to_reply_time(v)) a2r, us(handle_time(v)) handle, us(hold_time(v)) hold,
		us(time_to_resolution(v)) ttr, bot_handoff(v) handoff, is_abandoned(v) abandoned, is_resolved(v) resolved) x
$$;

SELECT ok((SELECT bool_and(n >= 100) FROM (SELECT scenario, count(*) n FROM tl_scen WHERE src = 'contact' GROUP BY scenario) s)
	AND (SELECT count(*) FROM tl_all WHERE response_turns(t) > 1) > 300
	AND (SELECT count(*) FROM tl_all WHERE response_turns(t) = 1) > 300
	AND (SELECT count(*) FROM tl_all WHERE hold_time(t) > 0) > 300
	AND (SELECT count(*) FROM tl_all WHERE is_abandoned(t)) > 300
	AND (SELECT count(*) FROM tl_all WHERE is_resolved(t)) > 300
	AND (SELECT count(*) FROM tl_all WHERE reopen_count(t) > 0) > 300
	AND (SELECT count(*) FROM tl_all WHERE transfer_count(t) > 0) > 300
	AND (SELECT count(*) FROM tl_all WHERE bot_handoff(t)) > 100
	AND (SELECT count(*) FROM tl_all WHERE event_count(t) = 1) > 200
	AND (SELECT count(*) FROM tl_all WHERE time_to_resolution(t) IS NOT NULL) > 300
	AND (SELECT count(*) FROM tl_all WHERE assignment_to_reply_time(t) IS NOT NULL) > 100
	AND (SELECT count(*) FROM tl_all WHERE contact_duration(t) > 86400 * 365) > 100,
	(SELECT format('%s values (%s contacts, %s window frames); scenarios: %s', count(*), count(*) FILTER (WHERE src = 'contact'),
		count(*) FILTER (WHERE src = 'frame'), (SELECT string_agg(scenario || ' ' || n, ', ' ORDER BY scenario)
			FROM (SELECT scenario, count(*) n FROM tl_scen WHERE src = 'contact' GROUP BY scenario) s)) FROM tl_all)
	|| ', with multi-turn, single-turn, held, abandoned, resolved, reopened, transferred, handed-off, single-event, long contacts');
SELECT is((SELECT string_agg(DISTINCT violation(t), '; ') FROM tl_all), NULL,
	'the plain-SQL invariants hold for every value the aggregate makes');

-- 3. every value is accepted back, text and binary
-- 'accepted' when txt reads as a contact_timeline that prints back as txt
-- (given canon, the expected output), else the SQLSTATE
CREATE FUNCTION text_outcome(txt text, canon text DEFAULT NULL) RETURNS text LANGUAGE plpgsql AS $$
DECLARE v contact_timeline;
BEGIN
	v := txt::contact_timeline;
	IF v::text IS DISTINCT FROM coalesce(canon, v::text) OR v::text::contact_timeline::text IS DISTINCT FROM v::text THEN
		RETURN 'changed';
	END IF;
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
-- the text form of the value binary recv makes of b, or the SQLSTATE
CREATE FUNCTION bin_outcome(b bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	RETURN recv_bytes('contact_timeline', b);
EXCEPTION WHEN OTHERS THEN
	RETURN 'ERROR ' || SQLSTATE;
END $$;
SELECT is((SELECT count(*) FILTER (WHERE text_outcome(t::text, t::text) <> 'accepted') FROM tl_all), 0::bigint,
	'all ' || (SELECT count(*) FROM tl_all) || ' values the aggregate made are accepted back from their text form, unchanged');
SELECT is((SELECT count(*) FILTER (WHERE bin_outcome(contact_timeline_send(t)) IS DISTINCT FROM t::text) FROM tl_all), 0::bigint,
	'all ' || (SELECT count(*) FROM tl_all) || ' are accepted back from their binary form (send -> recv), unchanged');
CREATE TABLE tl_back (LIKE tl_all);
SELECT binary_copy('tl_all', 'tl_back') \g /dev/null
SELECT is(mismatches('(SELECT src, c, t::text FROM tl_all) a', '(SELECT src, c, t::text FROM tl_back) b'), 0::bigint,
	'and through a binary COPY of all of them');

-- 4. mutations of the text forms, 3 a value
CREATE TABLE keys (k text, cls text);
INSERT INTO keys SELECT unnest(ARRAY['events', 'customer_messages', 'operator_messages', 'bot_messages', 'operators',
	'transfers', 'reopens', 'response_turns']), 'count'
UNION ALL SELECT unnest(ARRAY['first_response', 'response_total', 'response_max', 'assignment_to_reply', 'handle',
	'hold', 'resolution']), 'duration'
UNION ALL SELECT unnest(ARRAY['first_event', 'last_event', 'first_customer_message']), 'time'
UNION ALL SELECT unnest(ARRAY['bot_handoff', 'abandoned', 'resolved']), 'flag';
-- a time as the text form writes it (no trailing zeros in the fraction)
CREATE FUNCTION ts_text(t timestamptz) RETURNS jsonb LANGUAGE sql STABLE AS
$$ SELECT to_jsonb(rtrim(rtrim(to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), '0'), '.') || '+00') $$;
-- the value of key k of j changed by an amount drawn with r1, r2
-- (PL/pgSQL, one branch per class: PostgreSQL 18 plans a SQL function with
-- its arguments as constants, and folding the count branch's cast of a flag
-- would fail at plan time even where the CASE never takes that branch)
CREATE FUNCTION shifted(j jsonb, k text, r1 float8, r2 float8) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
	c text := (SELECT cls FROM keys WHERE keys.k = shifted.k);
BEGIN
	IF c = 'count' THEN
		RETURN to_jsonb((j ->> k)::bigint + (ARRAY[-2, -1, -1, 1, 1, 2, 100, -100])[1 + floor(r1 * 8)::int]);
	ELSIF c = 'duration' THEN
		RETURN to_jsonb(round(coalesce((j ->> k)::numeric, 0) + (ARRAY[0.000001, -0.000001, 1, -1, 45.5, -45.5,
			coalesce((j ->> k)::numeric, 0), -coalesce((j ->> k)::numeric, 0),
			(extract(epoch FROM (j ->> 'last_event')::timestamptz - (j ->> 'first_event')::timestamptz) * r2::numeric)])[1 + floor(r1 * 9)::int], 6));
	ELSIF c = 'time' THEN
		IF j ->> k IS NULL THEN
			RETURN ts_text((j ->> 'first_event')::timestamptz + r2 * ((j ->> 'last_event')::timestamptz - (j ->> 'first_event')::timestamptz));
		END IF;
		RETURN ts_text((j ->> k)::timestamptz + (ARRAY[interval '1 microsecond', interval '-1 microsecond', interval '1 s', interval '-1 s',
			interval '45.5 s', interval '-45.5 s', interval '1 hour', interval '-1 hour',
			r2 * ((j ->> 'last_event')::timestamptz - (j ->> 'first_event')::timestamptz)])[1 + floor(r1 * 9)::int]);
	END IF;
	RETURN to_jsonb(NOT (j ->> k)::boolean);
END $$;
-- kinds: one field shifted (3 in 6), two fields swapped (of the same class 9
-- times in 10), a field set to null or -1, two fields shifted; keys drawn
-- with the random numbers r
CREATE TABLE mutations AS
SELECT src, c, m, kind, j, CASE kind
		WHEN 'shift' THEN jsonb_set(j, ARRAY[k1], shifted(j, k1, r[1], r[2]))
		WHEN 'swap' THEN jsonb_set(jsonb_set(j, ARRAY[k1], j -> k2), ARRAY[k2], j -> k1)
		WHEN 'nullish' THEN jsonb_set(j, ARRAY[k1], CASE WHEN r[1] < 0.5 THEN 'null'::jsonb ELSE '-1'::jsonb END)
		ELSE jsonb_set(jsonb_set(j, ARRAY[k1], shifted(j, k1, r[1], r[2])), ARRAY[k2], shifted(j, k2, r[3], r[4])) END AS mj
FROM (SELECT z.*,
		(SELECT k FROM keys WHERE CASE kind WHEN 'swap' THEN r[3] < 0.1 OR cls = swap_cls WHEN 'two' THEN true
			ELSE cls <> 'flag' END ORDER BY md5(k || r[5]) LIMIT 1) AS k1,
		(SELECT k FROM keys WHERE CASE kind WHEN 'swap' THEN r[3] < 0.1 OR cls = swap_cls ELSE true END
			ORDER BY md5(k || r[6]) LIMIT 1) AS k2
	FROM (SELECT y.*, (ARRAY['count', 'duration', 'time', 'flag'])[1 + floor(r[4] * 4)::int] AS swap_cls
		FROM (SELECT src, c, m, t::text::jsonb AS j,
				(ARRAY['shift', 'shift', 'shift', 'swap', 'nullish', 'two'])[1 + floor(random() * 6)::int] AS kind,
				ARRAY(SELECT random() + 0 * m FROM generate_series(1, 6)) AS r
			FROM tl_all, generate_series(1, 3) m) y) z) w;
ALTER TABLE mutations ADD txt text, ADD outcome text;
UPDATE mutations SET txt = mj::text;
UPDATE mutations SET outcome = text_outcome(txt);
CREATE TABLE mut_stats AS
SELECT count(*) AS total, count(*) FILTER (WHERE mj = j) AS unchanged,
	count(*) FILTER (WHERE outcome = '22P02') AS rejected, count(*) FILTER (WHERE outcome = 'accepted') AS accepted,
	count(*) FILTER (WHERE outcome = 'accepted' AND mj <> j) AS accepted_changed,
	count(*) FILTER (WHERE outcome NOT IN ('22P02', 'accepted')) AS other
FROM mutations;
SELECT is((SELECT string_agg(DISTINCT outcome, ', ') FROM mutations WHERE outcome NOT IN ('22P02', 'accepted')), NULL,
	(SELECT format('%s mutations: %s rejected with 22P02, %s accepted (%s of them changed values), %s other errors',
		total, rejected, accepted, accepted_changed, other) FROM mut_stats));
SELECT ok((SELECT rejected > 0.3 * total AND accepted_changed > 0.03 * total FROM mut_stats),
	'both verdicts are common: ' || (SELECT format('%s%% rejected, %s%% accepted though changed', round(100.0 * rejected / total),
		round(100.0 * accepted_changed / total)) FROM mut_stats));
SELECT is((SELECT string_agg(DISTINCT violation(mj::text::contact_timeline), '; ') FROM mutations WHERE outcome = 'accepted'), NULL,
	'every accepted mutation keeps the plain-SQL invariants (' || (SELECT accepted FROM mut_stats) || ' values)');
SELECT is((SELECT count(*) FROM mutations WHERE outcome = 'accepted'
		AND mj::text::contact_timeline::text::jsonb IS DISTINCT FROM mj), 0::bigint,
	'and reads back as the very fields it was given');

-- 5. the same mutations in binary, where their fields fit the binary form
--    (integers, durations of whole microseconds or null, times): the same
--    verdict, 22P03 for a refusal
CREATE FUNCTION tl_to_bin(j jsonb) RETURNS bytea LANGUAGE plpgsql STABLE AS $$
DECLARE
	b bytea;
	k text;
	us numeric;
BEGIN
	b := '\x01'::bytea || set_byte('\x00'::bytea, 0, (CASE WHEN j ->> 'first_customer_message' IS NOT NULL THEN 1 ELSE 0 END
		| CASE WHEN (j ->> 'bot_handoff')::boolean THEN 2 ELSE 0 END | CASE WHEN (j ->> 'abandoned')::boolean THEN 4 ELSE 0 END
		| CASE WHEN (j ->> 'resolved')::boolean THEN 8 ELSE 0 END));
	FOREACH k IN ARRAY ARRAY['events', 'customer_messages', 'operator_messages', 'bot_messages', 'operators', 'transfers',
		'reopens', 'response_turns'] LOOP
		b := b || int8send((j ->> k)::bigint);
	END LOOP;
	b := b || timestamptz_send((j ->> 'first_event')::timestamptz) || timestamptz_send((j ->> 'last_event')::timestamptz)
		|| coalesce(timestamptz_send((j ->> 'first_customer_message')::timestamptz), int8send(0));
	FOREACH k IN ARRAY ARRAY['first_response', 'response_total', 'response_max', 'assignment_to_reply', 'handle', 'hold',
		'resolution'] LOOP
		us := (j ->> k)::numeric * 1e6;
		IF us < 0 OR us <> trunc(us) THEN
			RETURN NULL;		-- -1 would mean null in binary: not the same value
		END IF;
		b := b || int8send(coalesce(us, -1)::bigint);
	END LOOP;
	RETURN b;
EXCEPTION WHEN OTHERS THEN
	RETURN NULL;			-- a field that does not fit
END $$;
ALTER TABLE mutations ADD bin bytea, ADD bin_outcome text;
UPDATE mutations SET bin = tl_to_bin(mj);
UPDATE mutations SET bin_outcome = bin_outcome(bin) WHERE bin IS NOT NULL;
SELECT is((SELECT count(*) FROM mutations WHERE bin IS NOT NULL AND
		CASE WHEN outcome = 'accepted' THEN bin_outcome IS DISTINCT FROM mj::text::contact_timeline::text
			ELSE bin_outcome <> 'ERROR 22P03' END), 0::bigint,
	(SELECT format('%s mutations in binary: %s refused with 22P03, %s accepted, each as in text',
		count(*), count(*) FILTER (WHERE bin_outcome = 'ERROR 22P03'), count(*) FILTER (WHERE bin_outcome !~ '^ERROR'))
	FROM mutations WHERE bin IS NOT NULL));

-- 6. the two forgeries that were accepted before these checks
SELECT is(text_outcome('{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:00:45.5+00","first_customer_message":"2026-03-02 09:00:00+00","events":2,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":0,"response_total":45.5,"response_max":45.5,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}')
	|| ' ' || bin_outcome(tl_to_bin(jsonb '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:00:45.5+00","first_customer_message":"2026-03-02 09:00:00+00","events":2,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":0,"response_total":45.5,"response_max":45.5,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}')),
	'22P02 ERROR 22P03', 'one response turn whose first response differs from its total: refused in text and binary');
SELECT is(text_outcome('{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:00:45.5+00","first_customer_message":"2026-03-02 09:00:45.5+00","events":4,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":45.5,"response_total":45.5,"response_max":45.5,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":45.5,"bot_handoff":false,"abandoned":false,"resolved":true}')
	|| ' ' || bin_outcome(tl_to_bin(jsonb '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:00:45.5+00","first_customer_message":"2026-03-02 09:00:45.5+00","events":4,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":45.5,"response_total":45.5,"response_max":45.5,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":45.5,"bot_handoff":false,"abandoned":false,"resolved":true}')),
	'22P02 ERROR 22P03', 'a first response and a resolution after the last event: refused in text and binary');

SELECT * FROM finish();
DROP SCHEMA timeline_invariants CASCADE;

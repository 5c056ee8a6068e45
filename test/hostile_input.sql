-- pgTAP: hostile input for every base type the extension owns.
--
-- The types are read from the catalog (pg_type x pg_depend on the
-- extension), so a type added later is fuzzed without editing this file; a
-- type without a sample value below fails the first test.  For every sample
-- (text form, and binary form from the type's send function) the type's text
-- input and binary recv are fed truncations at every length, trailing bytes,
-- bit flips, huge counts and lengths, other version bytes, number and key
-- mutations and seeded random strings.  Every attempt must either fail with a
-- clean ERROR of a sensible class (22xxx data exception, 08P01 short
-- message, 54000 limit), never XX000 / XX001, or be accepted as a value that
-- is self-consistent: output -> input -> output stable, send -> recv ->
-- output identical, and every accessor, final and merge function of the type
-- runs on it without an internal error and with a result in range.
--
-- Binary recv is called through skpi_test_recv, a C entry point of the
-- module (src/support_kpi.c) that does what a binary COPY does with the
-- bytes; section 5 checks that it agrees with a real binary COPY.  Section 6
-- gives every other argument of every function extreme values.
\set schema hostile_input
\ir helpers.psql

SELECT plan(15);

CREATE FUNCTION recv_bytes(typ regtype, bytes bytea) RETURNS text
	AS 'support_kpi', 'skpi_test_recv' LANGUAGE C STRICT;

\ir samples.psql

SELECT is((SELECT string_agg(typ::text, ', ' ORDER BY typ::text) FROM ext_types x
		WHERE NOT EXISTS (SELECT 1 FROM samples s WHERE s.typ = x.typ)), NULL,
	'every base type of the extension has sample values (add samples for a new type)');

-- every sample is read back by its type as itself
CREATE FUNCTION text_of(typ regtype, txt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE format('SELECT ($1)::%s::text', typ) INTO r USING txt;
	RETURN r;
END $$;
CREATE FUNCTION send_of(typ regtype, txt text) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE r bytea;
BEGIN
	EXECUTE format('SELECT %s(($1)::%s)', (SELECT send_fn FROM ext_types x WHERE x.typ = send_of.typ), typ) INTO r USING txt;
	RETURN r;
END $$;
SELECT is((SELECT count(*) FROM samples WHERE text_of(typ, txt) IS DISTINCT FROM txt
		OR recv_bytes(typ, send_of(typ, txt)) IS DISTINCT FROM txt), 0::bigint,
	'every sample round-trips through text and binary');

-- 2. what may be called on an accepted value: every function of the extension
--    whose first argument is the type, except its I/O and the transitions
--    (they refuse to run outside an aggregate); other arguments get a fixed
--    value of their type (the same value again for a second state)
CREATE TABLE calls AS
SELECT x.typ, p.proname::text AS fn, p.prorettype::regtype AS rettype,
	format('SELECT %I(%s)::text', p.proname, string_agg(
		CASE WHEN a.n = 1 OR a.t = x.typ THEN format('($1)::%s', x.typ)
			WHEN a.t = 'double precision'::regtype THEN '0.95::float8'
			WHEN a.t = 'double precision[]'::regtype THEN '''{0,0.1,0.5,0.99,1}''::float8[]'
			WHEN a.t = 'text'::regtype THEN '''ignore_early''::text'
			WHEN a.t = 'contact_party'::regtype THEN '''customer''::contact_party'
			WHEN a.t = 'timestamptz'::regtype AND a.n = 2 THEN '''2026-03-02 08:00+00''::timestamptz'
			WHEN a.t = 'timestamptz'::regtype THEN '''2026-03-09 20:00+00''::timestamptz'
			ELSE format('NULL::%s', a.t) END, ', ' ORDER BY a.n)) AS sql
FROM ext_types x
JOIN pg_proc p ON p.proargtypes[0] = x.typ AND p.prokind = 'f'
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'support_kpi'
CROSS JOIN LATERAL unnest(p.proargtypes::oid[]::regtype[]) WITH ORDINALITY a(t, n)
WHERE p.proname !~ '_(accum|maccum|retract)(_|$)'
	AND p.oid NOT IN (SELECT typoutput FROM pg_type WHERE oid = x.typ UNION ALL SELECT typsend FROM pg_type WHERE oid = x.typ)
GROUP BY x.typ, p.oid, p.proname, p.prorettype;
-- and every aggregate taking the type (rollup): over two copies of the
-- value (the combine function updates the first in place), and over a
-- sliding window frame (its inverse takes a copy out again)
INSERT INTO calls
SELECT x.typ, p.proname, p.prorettype,
	format('SELECT %I(v)::text FROM (VALUES (($1)::%s), (($1)::%s)) s(v)', p.proname, x.typ, x.typ)
FROM ext_types x
JOIN pg_proc p ON p.proargtypes::oid[] = ARRAY[x.typ::oid] AND p.prokind = 'a'
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'support_kpi'
UNION ALL
SELECT x.typ, p.proname || ' over a window', 'text'::regtype,
	format('SELECT string_agg(w::text, '' '') FROM (SELECT %I(v) OVER (ORDER BY i ROWS 1 PRECEDING) w FROM (VALUES (1, ($1)::%s), (2, ($1)::%s), (3, NULL)) s(i, v)) z',
		p.proname, x.typ, x.typ)
FROM ext_types x
JOIN pg_proc p ON p.proargtypes::oid[] = ARRAY[x.typ::oid] AND p.prokind = 'a'
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'support_kpi';
SELECT is((SELECT string_agg(typ::text, ', ') FROM ext_types x WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.typ = x.typ)), NULL,
	'every type has functions to call on an accepted value');

-- NULL when the accepted value (its text output v) is self-consistent, else what is wrong
CREATE FUNCTION problem_of(typ regtype, v text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	c record; r text; b bytea; st text; msg text;
BEGIN
	BEGIN
		IF text_of(typ, v) IS DISTINCT FROM v THEN
			RETURN 'output -> input -> output changes the value';
		END IF;
		b := send_of(typ, v);
		IF recv_bytes(typ, b) IS DISTINCT FROM v THEN
			RETURN 'send -> recv changes the value';
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
		RETURN format('its own output is refused: %s %s', st, msg);
	END;
	FOR c IN SELECT * FROM calls WHERE calls.typ = problem_of.typ LOOP
		BEGIN
			EXECUTE c.sql INTO r USING v;
			-- results in range: shares and scores within -100..100, counts
			-- not negative, durations not negative, nothing NaN
			IF r = 'NaN' OR r ~ 'NaN' THEN
				RETURN format('%s returns NaN', c.fn);
			ELSIF c.rettype = 'numeric'::regtype AND c.fn !~ '(^ces$|csat_mean|ces_index)' AND abs(r::numeric) > 100 THEN
				RETURN format('%s returns %s', c.fn, r);
			ELSIF c.rettype IN ('bigint'::regtype, 'integer'::regtype) AND r::numeric < 0 THEN
				RETURN format('%s returns %s', c.fn, r);
			ELSIF c.rettype = 'double precision'::regtype AND r::float8 < 0 THEN
				RETURN format('%s returns %s', c.fn, r);
			END IF;
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
			-- an accessor may find a sum too large for its type (22003), a
			-- date out of range (22008), a merge refuse to run outside an
			-- aggregate (0A000); anything else on an accepted value is a bug
			IF st NOT IN ('22003', '22008', '0A000') THEN
				RETURN format('%s: %s %s', c.fn, st, msg);
			END IF;
		END;
	END LOOP;
	RETURN NULL;
END $$;

SELECT is((SELECT string_agg(typ || ': ' || p, '; ') FROM (SELECT typ, problem_of(typ, txt) p FROM samples) s WHERE p IS NOT NULL),
	NULL, 'every sample passes the self-consistency checks');

-- 3. the attempts
CREATE TABLE outcomes (typ regtype, form text, mutation text, accepted boolean, sqlstate text, problem text, input text);

CREATE FUNCTION attempt(typ regtype, form text, mutation text, t text, b bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE v text; st text; msg text;
BEGIN
	BEGIN
		IF form = 'text' THEN
			v := text_of(typ, t);
		ELSE
			v := recv_bytes(typ, b);
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
		INSERT INTO outcomes VALUES (typ, form, mutation, false, st,
			CASE WHEN st !~ '^(22|08P01|54000)' THEN msg END,
			CASE WHEN st !~ '^(22|08P01|54000)' THEN coalesce(t, encode(b, 'hex')) END);
		RETURN;
	END;
	msg := problem_of(typ, v);
	INSERT INTO outcomes VALUES (typ, form, mutation, true, NULL, msg,
		CASE WHEN msg IS NOT NULL THEN coalesce(t, encode(b, 'hex')) END);
END $$;

-- byte b with bit k flipped, and bytes with an int of n bytes written at a position
CREATE FUNCTION flip(b bytea, k int) RETURNS bytea LANGUAGE sql IMMUTABLE AS
$$ SELECT set_byte(b, k / 8, get_byte(b, k / 8) # (1 << (k % 8))) $$;
CREATE FUNCTION overwrite(b bytea, pos int, hex text) RETURNS bytea LANGUAGE sql IMMUTABLE AS
$$ SELECT overlay(b PLACING decode(hex, 'hex') FROM pos + 1 FOR least(length(decode(hex, 'hex')), length(b) - pos)) $$;

SELECT setseed(0.4242);

-- binary mutations of every sample: every truncation, trailing bytes, bit
-- flips (every bit of the first 48 bytes, then a deterministic sample),
-- extreme 4- and 8-byte values at every position of the first 48 bytes, other
-- version bytes, random bytes, a valid prefix with a random tail
CREATE TABLE bin_cases AS
WITH s AS (SELECT typ, send_of(typ, txt) AS b FROM samples)
SELECT typ, 'truncated' AS mutation, substr(b, 1, k) AS b FROM s, generate_series(0, length(b) - 1) k
	WHERE k < 200 OR k % 97 = 0
UNION ALL SELECT typ, 'trailing', b || decode(x, 'hex') FROM s, unnest(ARRAY['00', 'ff', '01', '0000000000000001', repeat('ff', 64)]) x
UNION ALL SELECT typ, 'bit flip', flip(b, k) FROM s, generate_series(0, 8 * length(b) - 1) k
	WHERE k < 384 OR k % 89 = 0
UNION ALL SELECT typ, 'extreme int', overwrite(b, pos, x) FROM s, generate_series(0, least(length(b), 48) - 1) pos,
	unnest(ARRAY['7fffffff', 'ffffffff', '80000000', '7fffffffffffffff', 'ffffffffffffffff', '8000000000000000',
		'7ff0000000000000', '7ff8000000000000']) x
UNION ALL SELECT typ, 'version', set_byte(b, 0, v) FROM s, unnest(ARRAY[0, 2, 3, 127, 255]) v
UNION ALL SELECT typ, 'random', decode(string_agg(lpad(to_hex((random() * 255)::int), 2, '0'), ''), 'hex')
	FROM s, generate_series(1, 30) r, LATERAL generate_series(1, 1 + (r * 7919) % (length(b) + 8)) k GROUP BY typ, b, r
UNION ALL SELECT typ, 'random tail', substr(b, 1, length(b) * r / 31) || decode(string_agg(lpad(to_hex((random() * 255)::int), 2, '0'), ''), 'hex')
	FROM s, generate_series(1, 30) r, LATERAL generate_series(1, 1 + r % 17) k GROUP BY typ, b, r;

-- text mutations: every truncation, every number replaced by extreme
-- values, every key-value pair dropped or repeated, the version changed,
-- characters flipped at seeded positions, seeded random strings
CREATE TABLE txt_cases AS
WITH s AS (SELECT typ, txt FROM samples),
nums AS (SELECT typ, txt, m.n, m.pos FROM s,
	LATERAL (SELECT row_number() OVER () AS n, 0 AS pos FROM regexp_matches(txt, '-?[0-9]+(\.[0-9]+)?', 'g')) m)
SELECT typ, 'truncated' AS mutation, left(txt, k) AS t FROM s, generate_series(0, length(txt) - 1) k
	WHERE k < 300 OR k % 53 = 0
UNION ALL SELECT typ, 'trailing', txt || x FROM s, unnest(ARRAY[' ', ',', '}', 'x', ' 1', '{}', E'\t\n']) x
UNION ALL SELECT typ, 'number', regexp_replace(txt, '-?[0-9]+(\.[0-9]+)?', x, n::int) FROM nums,
	unnest(ARRAY['-1', '0', '2', '255', '256', '-0', '1.5', '1e3', '9223372036854775807', '9223372036854775808',
		'-9223372036854775808', '99999999999999999999999', '1e308', '1e309', 'NaN', 'Infinity', '00000000000000000000000001', '']) x
	WHERE n <= 40
UNION ALL SELECT typ, 'version', regexp_replace(txt, '"version":1', '"version":' || x) FROM s, unnest(ARRAY['0', '2', '-1', '256', '1.0', '"1"', 'null']) x
	WHERE txt ~ '"version":1'
UNION ALL SELECT typ, 'key dropped', regexp_replace(txt, '"[a-z_]+":("[^"]*"|\[[^]]*\]|[^,}]*),?', '', k) FROM s, generate_series(1, 24) k
	WHERE txt ~ '^\{"'
UNION ALL SELECT typ, 'key repeated', regexp_replace(txt, '("[a-z_]+":("[^"]*"|\[[^]]*\]|[^,}]*))', '\1,\1', k) FROM s, generate_series(1, 24) k
	WHERE txt ~ '^\{"'
UNION ALL SELECT typ, 'char flip', overlay(txt PLACING chr(32 + (random() * 94)::int) FROM 1 + (random() * (length(txt) - 1))::int FOR 1)
	FROM s, generate_series(1, 120)
UNION ALL SELECT typ, 'random', (SELECT string_agg(substr('{}[]",:0123456789-.eE aAzZnulltrfs;/_+', 1 + (random() * 38)::int, 1), '')
		FROM generate_series(1, 1 + (r * 13) % 60) WHERE r > 0)
	FROM s, generate_series(1, 40) r;

SELECT count(attempt(typ, 'binary', mutation, NULL, b)) FROM bin_cases \g /dev/null
SELECT count(attempt(typ, 'text', mutation, t, NULL)) FROM txt_cases WHERE t IS NOT NULL \g /dev/null

SELECT ok((SELECT count(*) FROM outcomes WHERE form = 'binary') >= 10000, 'thousands of binary cases tried: '
	|| (SELECT count(*) FROM outcomes WHERE form = 'binary'));
SELECT ok((SELECT count(*) FROM outcomes WHERE form = 'text') >= 10000, 'thousands of text cases tried: '
	|| (SELECT count(*) FROM outcomes WHERE form = 'text'));
SELECT is((SELECT string_agg(DISTINCT typ || ' ' || form || ' ' || mutation || ': ' || sqlstate || ' ' || problem || ' <' || left(input, 300) || '>', E'\n')
		FROM outcomes WHERE NOT accepted AND problem IS NOT NULL), NULL,
	'every refused input fails with a clean data error (22xxx, 08P01, 54000), never an internal error');
SELECT is((SELECT string_agg(DISTINCT typ || ' ' || form || ' ' || mutation || ': ' || problem || ' <' || left(input, 300) || '>', E'\n')
		FROM outcomes WHERE accepted AND problem IS NOT NULL), NULL,
	'every accepted input is self-consistent (round trips, accessors run, results in range)');
SELECT is((SELECT string_agg(typ::text, ', ') FROM ext_types x WHERE
		(SELECT count(*) FILTER (WHERE NOT accepted) FROM outcomes o WHERE o.typ = x.typ AND form = 'binary') < 100
		OR (SELECT count(*) FILTER (WHERE NOT accepted) FROM outcomes o WHERE o.typ = x.typ AND form = 'text') < 100), NULL,
	'every type refused at least 100 binary and 100 text inputs');

-- 4. format versions: every state type's text form carries one, and another
--    version is refused in text and in binary
SELECT is((SELECT string_agg(DISTINCT typ::text, ', ') FROM samples WHERE typ IN (SELECT typ FROM state_types) AND txt !~ '^\{"version":1,'),
	NULL, 'the text form of every state type starts with its format version');
SELECT is((SELECT string_agg(DISTINCT typ || ' ' || form, ', ') FROM outcomes WHERE mutation = 'version' AND (accepted OR sqlstate !~ '^22')),
	NULL, 'a wrong format version is refused (22xxx) in text and binary, for every type');

-- 5. skpi_test_recv agrees with a real binary COPY (a sample of the cases)
CREATE FUNCTION copy_outcome(typ regtype, b bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	RETURN recv_as(typ, encode(b, 'hex'));
EXCEPTION WHEN OTHERS THEN
	RETURN 'ERROR ' || SQLSTATE;
END $$;
CREATE FUNCTION helper_outcome(typ regtype, b bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	RETURN recv_bytes(typ, b);
EXCEPTION WHEN OTHERS THEN
	RETURN 'ERROR ' || SQLSTATE;
END $$;
SELECT is((SELECT count(*) FROM (SELECT typ, b, row_number() OVER (PARTITION BY typ ORDER BY md5(b::text)) n FROM bin_cases) c
		WHERE n <= 8 AND copy_outcome(typ, b) IS DISTINCT FROM helper_outcome(typ, b)), 0::bigint,
	'binary COPY of the same bytes gives the same value or the same SQLSTATE (8 cases a type)');

-- 5b. well-formed values that no aggregate can produce (an invariant broken)
--    are refused, in text and in binary: what a forged state would slip in
CREATE TABLE forged (typ regtype, txt text, why text);
INSERT INTO forged VALUES
	('share_state', '{"version":1,"kind":"share","hits":6,"total":5}', 'hits > total'),
	('queue_state', '{"version":1,"kind":"queue","policy":"against","answered":1,"answered_within":2,"abandoned":0,"abandoned_within":0,"short_abandoned":0,"answered_wait_us":0}', 'answered_within > answered'),
	('queue_state', '{"version":1,"kind":"queue","policy":"favour","answered":0,"answered_within":0,"abandoned":1,"abandoned_within":2,"short_abandoned":0,"answered_wait_us":0}', 'abandoned_within > abandoned'),
	('queue_state', '{"version":1,"kind":"queue","policy":"against","answered":0,"answered_within":0,"abandoned":1,"abandoned_within":0,"short_abandoned":0,"answered_wait_us":7}', 'wait without answered contacts'),
	('handle_state', '{"version":1,"kind":"handle","handled":0,"handle_us":5}', 'handle time without contacts'),
	('occupancy_state', '{"version":1,"kind":"occupancy","periods":0,"busy_us":5,"available_us":0}', 'time without periods'),
	('nps_state', '{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,-1]}', 'negative count'),
	('duration_sketch', '{"version":1,"kind":"duration","count":2,"sum_us":2000001,"min_us":1000000,"min_count":2,"max_us":1000000,"max_count":2,"zero":0,"offset":1382,"buckets":[2]}', 'sum differs from min = max'),
	('duration_sketch', '{"version":1,"kind":"duration","count":1,"sum_us":3000000,"min_us":1000000,"min_count":1,"max_us":1000000,"max_count":1,"zero":0,"offset":1382,"buckets":[1]}', 'sum above count x max'),
	('duration_sketch', '{"version":1,"kind":"duration","count":3,"sum_us":2000000,"min_us":1000000,"min_count":2,"max_us":1000000,"max_count":2,"zero":0,"offset":1382,"buckets":[2]}', 'count differs from the buckets'),
	('duration_values', '{"version":1,"percentiles":[1.5],"array":false,"values":[1]}', 'percentile above 1'),
	('duration_values', '{"version":1,"percentiles":[0.5,0.9],"array":false,"values":[1]}', 'two percentiles, not an array'),
	('duration_values', '{"version":1,"percentiles":[0.5],"array":false,"values":[-1]}', 'negative duration'),
	('contact_timeline_state', '{"version":1,"events":[["2026-03-02 09:00:00+00","customer_message","operator",null]]}', 'a customer message from the operator');
-- contact_timeline: a chat of one customer and one operator message, then
-- what such a chat cannot have
INSERT INTO forged SELECT 'contact_timeline', regexp_replace(t, x.pat, x.rep), x.why
FROM (SELECT '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:00:45.5+00","first_customer_message":"2026-03-02 09:00:00+00","events":2,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":45.5,"response_total":45.5,"response_max":45.5,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}'::text AS t) c,
(VALUES ('"abandoned":false,"resolved":false', '"abandoned":true,"resolved":true', 'abandoned and resolved with only two messages'),
	('"resolved":false', '"resolved":true', 'resolved without a resolved event'),
	('"hold":0', '"hold":10', 'a hold without a hold_start event'),
	('"assignment_to_reply":null', '"assignment_to_reply":5', 'assignment to reply without an assigned event'),
	('"operator_messages":1,', '"operator_messages":0,', 'response turns without operator messages'),
	('"transfers":0', '"transfers":1', 'a transfer beyond the events'),
	('"bot_handoff":false', '"bot_handoff":true', 'a bot handoff without bot messages'),
	('"response_max":45.5', '"response_max":40', 'the maximum below the first response')) x(pat, rep, why);
INSERT INTO forged SELECT 'contact_timeline', regexp_replace(t, x.pat, x.rep), x.why
FROM (SELECT '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:05:00+00","first_customer_message":null,"events":3,"customer_messages":0,"operator_messages":0,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":0,"first_response":null,"response_total":null,"response_max":null,"assignment_to_reply":null,"handle":null,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}'::text AS t) c,
(VALUES ('"events":3', '"events":1', 'one event, and a handle time'),
	('"assignment_to_reply":null', '"assignment_to_reply":1', 'assignment to reply without any operator message')) x(pat, rep, why);
UPDATE forged SET txt = replace(txt, '"handle":null', '"handle":60') WHERE why = 'one event, and a handle time';
-- and a few binary forgeries
CREATE TABLE forged_bin (typ regtype, hex text, why text);
INSERT INTO forged_bin
SELECT 'contact_timeline', '010d' || substr(h, 5), 'abandoned and resolved with only two messages (binary)'
FROM (SELECT encode(contact_timeline_send(contact_timeline(k::contact_event_kind, at)), 'hex') h FROM (VALUES ('customer_message', '2026-03-02 09:00:00+00'::timestamptz),
	('operator_message', '2026-03-02 09:00:45.5+00')) v(k, at)) x;
INSERT INTO forged_bin VALUES ('share_state', '01010002' || '0000000000000006' || '0000000000000005', 'hits > total (binary)'),
	('handle_state', '01030002' || '0000000000000000' || '0000000000000005', 'handle time without contacts (binary)');
SELECT is((SELECT string_agg(typ || ' ' || why || ': ' || coalesce(e, 'accepted'), E'\n') FROM (SELECT typ, why, run_error(format('SELECT %L::%s', txt, typ)) e FROM forged) f
		WHERE e IS NULL OR e !~ '^22'), NULL,
	'values that no aggregate can produce are refused in text (' || (SELECT count(*) FROM forged) || ' forgeries)');
SELECT is((SELECT string_agg(typ || ' ' || why || ': ' || coalesce(e, 'accepted'), E'\n') FROM (SELECT typ, why, run_error(format('SELECT recv_bytes(%L, %L::bytea)', typ, '\x' || hex)) e FROM forged_bin) f
		WHERE e IS NULL OR e !~ '^22'), NULL,
	'and in binary (' || (SELECT count(*) FROM forged_bin) || ' forgeries)');

-- 6. hostile arguments: every function of the extension (but I/O and
--    transitions), each argument in turn set to every extreme value of its
--    type (every sample for a state argument), the others to ordinary values:
--    a value or a clean error (22xxx, 54000), never an internal one
CREATE TABLE extremes (t regtype, v text, ordinary boolean DEFAULT false);
INSERT INTO extremes (t, v) SELECT 'double precision'::regtype, unnest(ARRAY['''NaN''', '''Infinity''', '''-Infinity''', '0', '''-0''', '-1', '1e308',
	'-1e308', '5e-324', '1', '1e15', '2147483648']) || '::float8'
UNION ALL SELECT 'integer', unnest(ARRAY['0', '-1', '1', '2147483647', '(-2147483648)', '1000000', '1000001'])
UNION ALL SELECT 'double precision[]', unnest(ARRAY['''{NaN}''::float8[]', '''{}''::float8[]', '''{{0.5}}''::float8[]', '''{NULL}''::float8[]',
	'array_fill(0.5::float8, ARRAY[33])', '''[5:6]={0.1,0.2}''::float8[]', '''{-0.0,1,Infinity}''::float8[]', 'array_fill(0.5::float8, ARRAY[2,2,2])'])
UNION ALL SELECT 'text', unnest(ARRAY['''''', '''x''', 'repeat(''a'', 100000)', '''Favour''', '''answered_only'''])
UNION ALL SELECT 'timestamptz', unnest(ARRAY['''infinity''', '''-infinity''', '''4713-11-24 00:00+00 BC''', '''294276-12-31 23:59:59.999999+00''']) || '::timestamptz'
UNION ALL SELECT 'interval', unnest(ARRAY['''-1 s''', '''178000000 years''', '''-178000000 years''', '''1 mon''']) || '::interval'
UNION ALL SELECT 'contact_party', format('%L::contact_party', unnest(enum_range(NULL::contact_party)))
UNION ALL SELECT 'date', unnest(ARRAY['''infinity''', '''-infinity''', '''4713-11-24 BC''', '''5874897-12-31''', '''2026-01-31''']) || '::date'
UNION ALL SELECT 'bigint', unnest(ARRAY['0', '-1', '9223372036854775807', '(-9223372036854775808)', 'NULL']) || '::bigint'
-- the status categories of the agent_time KPIs
UNION ALL SELECT 'jsonb', unnest(ARRAY['''{}''', '''[]''', '''null''', '''{"*":"nonsense"}''', '''{"ready":1}''', '''{"ready":"available","*":"other"}''']) || '::jsonb'
-- the counts of the score-state constructors (nps_state(counts bigint[]), ...)
UNION ALL SELECT 'bigint[]', unnest(ARRAY['''{}''::bigint[]', '''{NULL}''::bigint[]', 'NULL::bigint[]', '''{1,2}''::bigint[]',
	'array_fill(1::bigint, ARRAY[11, 1])', 'array_fill(1::bigint, ARRAY[11], ARRAY[0])', 'array_fill(1::bigint, ARRAY[101])',
	'array_fill(1::bigint, ARRAY[100000])', 'array_fill(0::bigint, ARRAY[11])', 'array_fill(9223372036854775807::bigint, ARRAY[11])',
	'array_fill((-9223372036854775808)::bigint, ARRAY[11])', '''{1,1,1,1,1,NULL,1,1,1,1,1}''::bigint[]',
	'array_fill(-1::bigint, ARRAY[3])', 'array_fill(1::bigint, ARRAY[2, 2, 2])']);
INSERT INTO extremes VALUES ('double precision', '0.5::float8', true), ('integer', '10', true), ('double precision[]', '''{0.5}''::float8[]', true),
	('text', '''favour''', true), ('timestamptz', '''2026-03-02 09:00+00''::timestamptz', true), ('interval', '''1 min''::interval', true),
	('contact_party', '''customer''::contact_party', true), ('date', '''2026-01-01''::date', true), ('bigint', '42::bigint', true),
	('bigint[]', 'array_fill(1::bigint, ARRAY[11])', true),
	('jsonb', '''{"ready":"available","call":"handling","lunch":"break","work":"available"}''::jsonb', true);
INSERT INTO extremes SELECT DISTINCT ON (typ) typ, format('%L::%s', txt, typ), true FROM samples ORDER BY typ, length(txt);
INSERT INTO extremes SELECT typ, format('%L::%s', txt, typ) FROM samples;
CREATE TABLE arg_calls AS
SELECT p.oid::regproc AS fn, format('SELECT %s(%s)::text', p.oid::regproc, string_agg(CASE WHEN a.n = k.n THEN x.v ELSE o.v END, ', ' ORDER BY a.n)) AS q
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'support_kpi'
CROSS JOIN LATERAL unnest(p.proargtypes::oid[]::regtype[]) WITH ORDINALITY k(t, n)
JOIN extremes x ON x.t = k.t AND NOT x.ordinary
CROSS JOIN LATERAL unnest(p.proargtypes::oid[]::regtype[]) WITH ORDINALITY a(t, n)
LEFT JOIN extremes o ON o.t = a.t AND o.ordinary
WHERE p.prokind = 'f' AND p.proname !~ '_(accum|maccum|retract)(_|$)'
	-- the demo generators produce ~9 000 rows a month for every ordinary
	-- argument set: sql/demo.sql tests their argument errors instead; the
	-- source functions create schemas and views: test/source_*.sql test
	-- their bad arguments (a missing schema, table or column)
	AND p.proname NOT IN ('generate_demo_contacts', 'generate_demo_events', 'demo_contacts_detail',
		'create_asterisk_views', 'create_chatwoot_views', 'create_zammad_views', 'source_target_check',
		'source_args_check')
	AND p.oid NOT IN (SELECT typinput FROM pg_type UNION ALL SELECT typoutput FROM pg_type UNION ALL SELECT typreceive FROM pg_type
		UNION ALL SELECT typsend FROM pg_type)
GROUP BY p.oid, k.n, x.v;
SELECT is((SELECT string_agg(fn || ': ' || e || ' <' || q || '>', E'\n') FROM (SELECT fn, q, run_error(q) e FROM arg_calls) c
		WHERE e !~ '^(22|54000|0A000)'), NULL,
	'hostile arguments to every function (' || (SELECT count(*) FROM arg_calls) || ' calls): a value or a clean error');

SELECT diag(format('hostile input: %s cases (%s binary, %s text), %s accepted, %s refused',
	count(*), count(*) FILTER (WHERE form = 'binary'), count(*) FILTER (WHERE form = 'text'),
	count(*) FILTER (WHERE accepted), count(*) FILTER (WHERE NOT accepted)))
FROM outcomes;

SELECT * FROM finish();
DROP SCHEMA hostile_input CASCADE;

-- pgTAP: cancel and limits.
--
-- 1. statement_timeout cancels a single long call of our C code (57014)
--    well before the call would end: big text input of an exact-percentile
--    state (the parser checks for interrupts every 65 536 values), the text
--    output of a 5-million-value state.
--    Each case is timed: the cancel must come within 800 ms of a 200 ms
--    timeout, where the call alone takes about a second or more.  The
--    summary of a stored contact of 8 000 000 events (its sort took seconds
--    without checking for interrupts): within 800 ms of a 1 200 ms timeout
--    (reading the 150 MB state back takes a third of a second or more, and
--    the timeout must fall in the sorts: of the events, then of their
--    operator ids; each event has one, as the sort of the events alone,
--    inlined since issue 20, ends within the timeout).  (The timeline parser and merge check for
--    interrupts too; a test of them would spend most of its time building a
--    40 MB string.)
-- 2. a group too large for an exact state fails with 54000 (the GUC
--    support_kpi.exact_max_values), grouped, in a window, across parallel
--    workers; text and binary input past the limit are refused.
-- 3. binary input claiming enormous lengths is refused before allocating.
\set schema cancel_limits
\ir helpers.psql

SELECT plan(23);

CREATE FUNCTION recv_bytes(typ regtype, bytes bytea) RETURNS text
	AS 'support_kpi', 'skpi_test_recv' LANGUAGE C STRICT;

-- run q; its SQLSTATE ('00000' if none) and how long it took
CREATE FUNCTION timed(q text, OUT state text, OUT ms numeric, OUT msg text) LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	BEGIN
		EXECUTE q;
		state := '00000';
	EXCEPTION
		WHEN query_canceled THEN state := SQLSTATE; msg := SQLERRM;
		WHEN OTHERS THEN state := SQLSTATE; msg := SQLERRM;
	END;
	ms := round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000);
END $$;
CREATE TABLE runs (name text, state text, ms numeric, msg text);

-- 1. cancel: each statement below runs under a 200 ms statement_timeout
-- a stored state of 5 000 000 values, for its text output
CREATE TABLE big_values AS SELECT ('{"version":1,"percentiles":[0.5],"array":false,"values":['
	|| repeat('1.5,', 4999999) || '2]}')::duration_values AS st;

-- and the text of a state of 8 000 000 values, for the text input
CREATE TABLE big_text AS SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[' || repeat('1,', 7999999) || '1]}' AS t;

-- and a contact of 8 000 000 events (8 to an instant, out of order, 97
-- operators), stored uncompressed, for its summary
CREATE AGGREGATE tl_events(contact_event_kind, timestamptz, contact_party, text) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state);
CREATE TABLE big_contact (st contact_timeline_state);
ALTER TABLE big_contact ALTER st SET STORAGE EXTERNAL;
SET work_mem = '1GB';
INSERT INTO big_contact SELECT tl_events('customer_message',
	timestamptz '2026-01-01 00:00+00' + make_interval(secs => (i::bigint * 7919) % 1000003), NULL, (i % 97)::text)
FROM generate_series(1, 8000000) i;
RESET work_mem;

SET statement_timeout = '1200ms';
INSERT INTO runs SELECT 'contact_timeline summary, 8 000 000 events (timeout 1 200 ms, less 1 000)', * FROM timed(
	$q$SELECT event_count(contact_timeline_final(st)) FROM big_contact$q$);
RESET statement_timeout;
UPDATE runs SET ms = ms - 1000 WHERE name = 'contact_timeline summary, 8 000 000 events (timeout 1 200 ms, less 1 000)';
SET statement_timeout = '200ms';
INSERT INTO runs SELECT 'duration_values text input, 8 000 000 values', * FROM timed(
	$q$SELECT t::duration_values IS NULL FROM big_text$q$);
RESET statement_timeout;
SET statement_timeout = '200ms';
INSERT INTO runs SELECT 'duration_values text output, 5 000 000 values', * FROM timed(
	$q$SELECT length(st::text) FROM big_values$q$);
RESET statement_timeout;

SELECT is((SELECT string_agg(name || ': ' || state || ' after ' || ms || ' ms', '; ') FROM runs WHERE state <> '57014'), NULL,
	'statement_timeout cancels every long call (57014)');
SELECT is((SELECT string_agg(name || ': ' || ms || ' ms', '; ') FROM runs WHERE ms > 800), NULL,
	'the cancel comes from inside the call: within 800 ms of a 200 ms timeout');
SELECT diag(string_agg(name || ': ' || state || ' after ' || ms || ' ms', E'\n')) FROM runs;

-- 2. the exact-state limit: 54000 instead of exhausting memory
SET support_kpi.exact_max_values = 1000;
CREATE TABLE vals AS SELECT i, i * 1.5 AS v FROM generate_series(1, 1500) i;
ANALYZE vals;
SELECT is((SELECT resolution_time(v) FROM vals WHERE i <= 1000), 750.75::float8, 'at the limit: 1000 values are fine');
SELECT throws_ok('SELECT resolution_time(v) FROM vals WHERE i <= 1001', '54000', NULL,
	'one value past support_kpi.exact_max_values: 54000');
SELECT throws_like('SELECT resolution_time(v, ARRAY[0.5, 0.9]) FROM vals', '%more than 1000%',
	'the message gives the limit');
SELECT throws_ok('SELECT max(x) FROM (SELECT resolution_time(v) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) x FROM vals) z',
	'54000', NULL, 'window frame past the limit (order-statistics tree): 54000');
SELECT is((SELECT max(x) FROM (SELECT resolution_time(v) OVER (ORDER BY i ROWS BETWEEN 999 PRECEDING AND CURRENT ROW) x FROM vals) z),
	1500.75::float8, 'a sliding frame of 1000 values over 1500 rows stays within the limit');
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT resolution_time(v) FROM vals WHERE i <= 1800') ~ 'Partial Aggregate', 'the parallel plan has partial aggregates');
SELECT throws_ok('SELECT resolution_time(v) FROM vals', '54000', NULL,
	'parallel: workers under the limit, their combined state past it: 54000');
SELECT force_parallel(false) \g /dev/null
-- text and binary input apply the limit of the aggregate, with its error
SELECT throws_ok(format('SELECT %L::duration_values', '{"version":1,"percentiles":[0.5],"array":false,"values":['
	|| repeat('1,', 1000) || '1]}'), '54000', 'too many values for an exact percentile: more than 1000',
	'text input of more values than the limit: 54000, the aggregate''s message');
SELECT lives_ok(format('SELECT %L::duration_values', '{"version":1,"percentiles":[0.5],"array":false,"values":['
	|| repeat('1,', 999) || '1]}'), 'text input of exactly the limit is accepted');
SELECT throws_ok(format('SELECT recv_bytes(%L, %L::bytea)', 'duration_values', '\x010001' || '3fe0000000000000' || '00000000000003e9'
	|| repeat('3ff0000000000000', 1001)), '54000', 'too many values for an exact percentile: more than 1000',
	'binary input of more values than the limit: 54000, the aggregate''s message');
SELECT throws_ok(format('SELECT recv_bytes(%L, %L::bytea)', 'duration_values', '\x010001' || '3fe0000000000000' || '00000000000003e9'
	|| repeat('3ff0000000000000', 1000)), '22P03', NULL, 'binary input whose count does not match its data: 22P03');
SET support_kpi.exact_max_values = 1;
SELECT throws_ok($$SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[1,2]}'::duration_values$$,
	'54000', 'too many values for an exact percentile: more than 1',
	'exact_max_values = 1: text input of two values is refused (it took 16 before 1.3)');
SELECT throws_ok('SELECT resolution_time(v) FROM vals WHERE i <= 2', '54000', 'too many values for an exact percentile: more than 1',
	'exact_max_values = 1: the aggregate over two values likewise');
RESET support_kpi.exact_max_values;
SELECT throws_like(format('SELECT length(%L::duration_values::text)', '{"version":1,"percentiles":[0.5],"array":false,"values":['
	|| repeat('1,', 100000) || 'x]}'), 'invalid input syntax for type duration_values: "{"version":1,"percentiles":[0.5],"array":false,"values":[1,1,%,1... (200060 bytes)"',
	'a rejected input is echoed as its first 256 bytes and its length, not whole (200 kB)');
-- the operator ids of one timeline: the error names the limit hit (the bytes
-- of the ids, not the event count): 10 000 events of 60 kB ids are 600 MB of
-- ids, more than a state holds; 8 900 of them fit (about 540 MB of memory)
SELECT throws_ok($$SELECT event_count(contact_timeline('assigned'::contact_event_kind, timestamptz '2026-03-02 10:00+00' + i * interval '1 s',
	'system', repeat('x', 60000))) FROM generate_series(1, 10000) i$$, '54000',
	'the operator ids of one contact_timeline take more than 536870911 bytes',
	'a timeline of 10 000 events with 60 kB operator ids: 54000 naming the bytes of the ids');
SELECT is((SELECT event_count(contact_timeline('assigned'::contact_event_kind, timestamptz '2026-03-02 10:00+00' + i * interval '1 s',
	'system', repeat('x', 60000))) FROM generate_series(1, 8900) i), 8900::bigint,
	'8 900 events with 60 kB operator ids fit');
SELECT throws_ok('SELECT erlang_c_agents(1e9, 1, 1, 0.8, 20)', '54000', NULL,
	'erlang_c_agents for a load beyond 1 000 000 agents: 54000');

-- 3. enormous claimed lengths: refused from the length, before allocating
--    (a 20-byte message cannot make the server allocate gigabytes)
DELETE FROM runs;
INSERT INTO runs SELECT 'duration_values claiming 50 000 000 values', * FROM timed(format('SELECT recv_bytes(%L, %L::bytea)',
	'duration_values', '\x010001' || '3fe0000000000000' || '0000000002faf080' || '3ff0000000000000'));
INSERT INTO runs SELECT 'duration_values claiming 2^63 - 1 values', * FROM timed(format('SELECT recv_bytes(%L, %L::bytea)',
	'duration_values', '\x010001' || '3fe0000000000000' || '7fffffffffffffff' || '3ff0000000000000'));
INSERT INTO runs SELECT 'contact_timeline_state claiming 2^31 - 1 events', * FROM timed(format('SELECT recv_bytes(%L, %L::bytea)',
	'contact_timeline_state', '\x01' || '7fffffff' || '0000000000000000' || '0101ffffffff'));
INSERT INTO runs SELECT 'contact_timeline_state: an operator id of 2^31 - 1 bytes', * FROM timed(format('SELECT recv_bytes(%L, %L::bytea)',
	'contact_timeline_state', '\x01' || '00000001' || '0000000000000000' || '0101' || '7fffffff' || '6f70'));
INSERT INTO runs SELECT 'duration_sketch claiming 2^31 - 1 buckets', * FROM timed(format('SELECT recv_bytes(%L, %L::bytea)',
	'duration_sketch', '\x01010000' || repeat('0000000000000000', 7) || '00000000' || '7fffffff'));
SELECT is((SELECT string_agg(name || ': ' || state, '; ') FROM runs WHERE state <> '22P03'), NULL,
	'binary input claiming enormous lengths: 22P03 (' || (SELECT count(*) FROM runs) || ' cases)');
SELECT is((SELECT string_agg(name || ': ' || ms || ' ms', '; ') FROM runs WHERE ms > 100), NULL,
	'each refused at once (no allocation of the claimed size)');
SELECT is((SELECT count(*) FROM runs WHERE msg ~ 'memory|alloc'), 0::bigint, 'no memory allocation error among them');
SELECT is((SELECT count(*) FROM runs), 5::bigint, 'five claims tried');

SELECT * FROM finish();
DROP SCHEMA cancel_limits CASCADE;

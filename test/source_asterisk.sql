-- pgTAP: create_asterisk_views over Asterisk's realtime queue_log
-- (docs/sources.md): the views and their comments; every mapping rule on a
-- hand-written log whose figures are worked out by hand below; the column
-- variants of queue_log (data1 .. data5 or one data column; time as
-- timestamp, text, timestamptz or epoch seconds; with or without id); the
-- generated month (examples/sources/asterisk.sql) against plain SQL and
-- through the cookbook's bi.contacts_monthly; the cross-check rules; bad
-- arguments; a second call; the views' dependencies.  Run from the
-- repository root (pg_prove test/source_asterisk.sql).
\set schema source_asterisk
\ir helpers.psql

SELECT plan(56);
SET timezone = 'UTC';

-- 1. A hand-written log of 2026-03-02 (UTC), every rule once.  Asterisk's
-- own seconds are floor(end) - floor(start) of the epoch seconds.
CREATE TABLE ql (id bigserial PRIMARY KEY, time timestamp without time zone, callid varchar(80),
	queuename varchar(256), agent varchar(80), event varchar(32), data1 varchar(100), data2 varchar(100),
	data3 varchar(100), data4 varchar(100), data5 varchar(100));
INSERT INTO ql (time, callid, queuename, agent, event, data1, data2, data3, data4, data5) VALUES
	('2026-03-02 08:00:00', 'NONE', 'q1', 'X', 'ADDMEMBER', '', '', '', '', ''),
	-- A: answered after 11.7 s (Asterisk says 12: whole seconds), a member let it ring, the caller hangs up after 300 s
	('2026-03-02 10:00:00.4', 'A', 'NONE', 'NONE', 'DID', '4930123', '', '', '', ''),
	('2026-03-02 10:00:00.5', 'A', 'q1', 'NONE', 'ENTERQUEUE', '', '0301', '1', '', ''),
	('2026-03-02 10:00:06', 'A', 'q1', 'X', 'RINGNOANSWER', '5000', '', '', '', ''),
	('2026-03-02 10:00:12.2', 'A', 'q1', 'Y', 'CONNECT', '12', 'A.1', '6', '', ''),
	('2026-03-02 10:05:12.2', 'A', 'q1', 'Y', 'COMPLETECALLER', '12', '300', '1', '', ''),
	-- B: hangs up after 3 s (a short abandon); C after 40 s, while a member dumped it
	('2026-03-02 10:10:00', 'B', 'q1', 'NONE', 'ENTERQUEUE', '', '0302', '1', '', ''),
	('2026-03-02 10:10:03', 'B', 'q1', 'NONE', 'ABANDON', '1', '1', '3', '', ''),
	('2026-03-02 10:20:00', 'C', 'q1', 'NONE', 'ENTERQUEUE', '', '0303', '1', '', ''),
	('2026-03-02 10:20:10', 'C', 'q1', 'Z', 'AGENTDUMP', '', '', '', '', ''),
	('2026-03-02 10:20:40', 'C', 'q1', 'NONE', 'ABANDON', '1', '1', '40', '', ''),
	-- D: times out of q1 after 60 s, overflows into q2, answered there 10 s later
	('2026-03-02 10:30:00', 'D', 'q1', 'NONE', 'ENTERQUEUE', '', '0304', '1', '', ''),
	('2026-03-02 10:31:00', 'D', 'q1', 'NONE', 'EXITWITHTIMEOUT', '1', '1', '60', '', ''),
	('2026-03-02 10:31:00.1', 'D', 'q2', 'NONE', 'ENTERQUEUE', '', '0304', '1', '', ''),
	('2026-03-02 10:31:10.1', 'D', 'q2', 'Z', 'CONNECT', '10', 'D.1', '2', '', ''),
	('2026-03-02 10:32:50.1', 'D', 'q2', 'Z', 'COMPLETEAGENT', '10', '100', '1', '', ''),
	-- E: q1 is empty (EXITEMPTY after 0.2 s); F leaves q2 with key 1 after 30 s
	('2026-03-02 10:40:00', 'E', 'q1', 'NONE', 'ENTERQUEUE', '', '0305', '1', '', ''),
	('2026-03-02 10:40:00.2', 'E', 'q1', 'NONE', 'EXITEMPTY', '1', '1', '0', '', ''),
	('2026-03-02 10:50:00', 'F', 'q2', 'NONE', 'ENTERQUEUE', '', '0306', '1', '', ''),
	('2026-03-02 10:50:30', 'F', 'q2', 'NONE', 'EXITWITHKEY', '1', '1', '1', '30', ''),
	-- G: answered after 5 s, blind-transferred after 60 s; H: after 8 s, attended transfer after 90 s
	('2026-03-02 11:00:00', 'G', 'q1', 'NONE', 'ENTERQUEUE', '', '0307', '1', '', ''),
	('2026-03-02 11:00:05', 'G', 'q1', 'Y', 'CONNECT', '5', 'G.1', '1', '', ''),
	('2026-03-02 11:01:05', 'G', 'q1', 'Y', 'BLINDTRANSFER', '2000', 'from-internal', '5', '60', '1'),
	('2026-03-02 11:10:00', 'H', 'q2', 'NONE', 'ENTERQUEUE', '', '0308', '1', '', ''),
	('2026-03-02 11:10:08', 'H', 'q2', 'X', 'CONNECT', '8', 'H.1', '1', '', ''),
	('2026-03-02 11:11:38', 'H', 'q2', 'X', 'ATTENDEDTRANSFER', 'BRIDGE', 'b1', '8', '90', '1'),
	-- I: still waiting when the log ends
	('2026-03-02 11:20:00', 'I', 'q1', 'NONE', 'ENTERQUEUE', '', '0309', '1', '', ''),
	-- J: answered after 30 s, transferred back into q1, answered again after 10 s, talks 120 s
	('2026-03-02 11:30:00', 'J', 'q1', 'NONE', 'ENTERQUEUE', '', '0310', '1', '', ''),
	('2026-03-02 11:30:30', 'J', 'q1', 'X', 'CONNECT', '30', 'J.1', '1', '', ''),
	('2026-03-02 11:31:30', 'J', 'q1', 'X', 'TRANSFER', '2001', 'from-queue', '30', '60', '1'),
	('2026-03-02 11:31:31', 'J', 'q1', 'NONE', 'ENTERQUEUE', '', '0310', '1', '', ''),
	('2026-03-02 11:31:41', 'J', 'q1', 'Y', 'CONNECT', '10', 'J.2', '1', '', ''),
	('2026-03-02 11:33:41', 'J', 'q1', 'Y', 'COMPLETECALLER', '10', '120', '1', '', ''),
	('2026-03-02 12:00:00', 'NONE', 'q1', 'X', 'PAUSE', 'lunch', '', '', '', ''),
	('2026-03-02 12:30:00', 'NONE', 'q1', 'X', 'UNPAUSE', '', '', '', '', ''),
	('2026-03-02 18:00:00', 'NONE', 'q1', 'X', 'REMOVEMEMBER', '', '', '', '', ''),
	('2026-03-02 18:00:01', 'NONE', 'NONE', 'NONE', 'CONFIGRELOAD', '', '', '', '', '');

SELECT is((SELECT array_agg(v::text) FROM create_asterisk_views('ql', 'ast_hand', 'UTC') v),
	ARRAY['ast_hand.queue_log_events', 'ast_hand.queue_visits', 'ast_hand.contact_facts', 'ast_hand.contact_events',
		'ast_hand.agent_events', 'ast_hand.monthly_states', 'ast_hand.monthly_report', 'ast_hand.operator_monthly',
		'ast_hand.cross_check'],
	'create_asterisk_views returns its nine views in creation order');
SELECT is((SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'ast_hand'::regnamespace
		AND c.relkind = 'v' AND 'security_invoker=true' = ANY (c.reloptions) AND obj_description(c.oid, 'pg_class') IS NOT NULL),
	9::bigint, 'every view is security_invoker and has a comment');
SELECT is((SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
		WHERE c.relnamespace = 'ast_hand'::regnamespace AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NULL),
	0::bigint, 'every column of every view has a comment');
SELECT ok(obj_description('create_asterisk_views(regclass, name, text, text, double precision, double precision, text)'::regprocedure,
	'pg_proc') IS NOT NULL, 'the function has a comment');

-- the contract of contact_facts: its columns, in order, with their types
SELECT is(columns_of('ast_hand.contact_facts'), contact_facts_contract('text'),
	'contact_facts has the columns of the contract of docs/your-data.md, in order');

-- 2. the visits and their outcomes: q1 A answered, B short abandon, C abandon,
-- D timeout, E empty, G answered, I waiting, J twice answered; q2 D, F key, H
SELECT is((SELECT string_agg(callid || visit || ':' || queue || ':' || outcome || ':' || coalesce(round(wait_seconds::numeric, 1)::text, '-')
		|| ':' || coalesce(transferred::text, '-'), ' ' ORDER BY callid, visit) FROM ast_hand.queue_visits),
	'A1:q1:answered:11.7:false B1:q1:abandoned:3.0:- C1:q1:abandoned:40.0:- D1:q1:timeout:60.0:- D2:q2:answered:10.0:false '
	'E1:q1:empty:0.2:- F1:q2:key:30.0:- G1:q1:answered:5.0:true H1:q2:answered:8.0:true I1:q1:waiting:-:- '
	'J1:q1:answered:30.0:true J2:q1:answered:10.0:false',
	'queue_visits: one row per visit, J''s return into q1 a second visit, the unknown DID and AGENTDUMP ignored');

-- q1: answered 4 (A 11.7, G 5, J 30, J 10), 3 within 20 s; C abandoned; B a
-- short abandon; D, E overflows; I waiting: offered 7, SL 3/7, abandon 1/7,
-- overflow 2/7; ASA 56.7 / 4; wait median (10 + 11.7) / 2, p90 11.7 + 0.7 *
-- 18.3; talk 300, 60, 60, 120: AHT 135, median 90, p90 120 + 0.7 * 180;
-- transfers G, J1: 2 of 4.  q2: D 10, H 8 answered within 20 s, F an
-- overflow.  The line, one row per call: A 11.7, D 70.1 (q1 then q2), G 5,
-- H 8, J 30 answered, 3 within 20 s; C abandoned, B short; E, F overflows;
-- I waiting: offered 8, SL 3/8; ASA 124.8 / 5; handle per call A 300, D 100,
-- G 60, H 90, J 180: AHT 146; transfers G, H, J: 3 of 5.
SELECT is((SELECT string_agg(concat_ws('|', coalesce(queue, 'line'), offered, answered, abandoned, short_abandoned, overflowed,
		still_waiting, sl_pct, abandon_rate, overflow_rate, asa_seconds, wait_median_seconds, wait_p90_seconds,
		aht_seconds, talk_median_seconds, talk_p90_seconds, transfer_rate, ring_no_answer), ' ' ORDER BY queue NULLS LAST)
		FROM ast_hand.monthly_report WHERE month = '2026-03-01'),
	'q1|7|4|1|1|2|1|42.86|14.29|28.57|14.2|10.9|24.5|135|90|246|50.00|1 '
	'q2|3|2|0|0|1|0|66.67|0.00|33.33|9|9|9.8|95|95|99|50.00|0 '
	'line|8|5|1|1|2|1|37.50|12.50|25.00|25|11.7|54.1|146|100|252|60.00|1',
	'monthly_report: per queue and for the whole line, figures worked out by hand');
SELECT is((SELECT round(sl_pct(rollup(sl_state), 'ignore_early'), 2) FROM ast_hand.monthly_states WHERE queue IS NULL),
	37.50, 'an overflow counts against the service level under every policy (ignore_early too)');

SELECT is((SELECT string_agg(concat_ws('|', contact_id = hashtextextended(c.callid, 0), queue, operator_id, round(wait_seconds::numeric, 1),
		answered, handle_seconds, transferred, customer_id), ' ' ORDER BY c.callid)
		FROM ast_hand.contact_facts f JOIN (SELECT DISTINCT callid FROM ql) c ON f.contact_id = hashtextextended(c.callid, 0)),
	't|q1|Y|11.7|t|300|f|0301 t|q1|3.0|f|0302 t|q1|40.0|f|0303 t|q2|Z|70.1|t|100|f|0304 '
	't|q1|f|0305 t|q2|f|0306 t|q1|Y|5.0|t|60|t|0307 t|q2|X|8.0|t|90|t|0308 t|q1|0309 '
	't|q1|X|30.0|t|180|t|0310',
	'contact_facts: one row per call; overflows out unanswered with no wait; a call still waiting has answered NULL');
SELECT is((SELECT count(*) FROM ast_hand.contact_facts WHERE month = '2026-03-01' AND threshold_seconds = 20 AND channel = 'call'),
	10::bigint, 'contact_facts: ten calls in March, threshold 20 s');

SELECT is((SELECT string_agg(concat_ws('|', operator_id, answered, sl_pct, talk_seconds, aht_seconds, transferred, transfer_rate,
		completed_by_caller, completed_by_agent, ring_no_answer, ring_no_answer_seconds, agent_dumps), ' ' ORDER BY operator_id)
		FROM ast_hand.operator_monthly),
	'X|2|50.00|150|75|2|100.00|0|0|1|5|0 Y|3|100.00|480|160|1|33.33|2|0|0|0|0 Z|1|100.00|100|100|0|0.00|0|1|0|0|1',
	'operator_monthly: answered calls, talk, transfers, RINGNOANSWER and AGENTDUMP per member');

SELECT is((SELECT string_agg(concat_ws('|', operator, at::time, event, reason, queue), ' ' ORDER BY at) FROM ast_hand.agent_events),
	'X|08:00:00|ADDMEMBER|q1 X|12:00:00|PAUSE|lunch|q1 X|12:30:00|UNPAUSE|q1 X|18:00:00|REMOVEMEMBER|q1',
	'agent_events: the members'' own events with the pause reason');

SELECT is((SELECT string_agg(concat_ws('|', kind, party, operator_id), ' ' ORDER BY at, kind) FROM ast_hand.contact_events
		WHERE contact_id = hashtextextended('D', 0)),
	'offered|system transferred|system offered|system answered|operator|Z ended|operator|Z',
	'contact_events of D: offered, the timeout as a transfer by the system, offered again, answered, ended by the agent');
SELECT is((SELECT string_agg(concat_ws('|', handle_time(t), transfer_count(t), is_abandoned(t)), ' ' ORDER BY c)
		FROM (SELECT contact_id AS c, contact_timeline(kind, at, party, operator_id) AS t FROM ast_hand.contact_events
			WHERE contact_id IN (hashtextextended('A', 0), hashtextextended('C', 0), hashtextextended('H', 0)) GROUP BY 1) x),
	(SELECT string_agg(v, ' ' ORDER BY c) FROM (VALUES (hashtextextended('A', 0), '300|0|f'),
		(hashtextextended('C', 0), '0|t'), (hashtextextended('H', 0), '90|1|f')) v(c, v)),
	'contact_timeline over contact_events: handle time, transfers, abandons');

-- 3. the cross-check: A's wait 11.7 s against 12 and E's 0.2 s against 0 are whole seconds; every other figure equal
SELECT is((SELECT string_agg(concat_ws('|', figure, rule, count), ' ' ORDER BY figure, rule NULLS FIRST)
		FROM (SELECT figure, rule, count(*) FROM ast_hand.cross_check GROUP BY 1, 2) x),
	'talk|6 wait|9 wait|whole_seconds|2', 'cross_check of the hand log: 6 talk and 9 wait figures equal, 2 whole_seconds');
SELECT is((SELECT count(*) FROM ast_hand.cross_check WHERE (difference <> 0) <> (rule IS NOT NULL)
		OR (rule = 'whole_seconds' AND abs(difference) >= 1)), 0::bigint,
	'every difference has a rule and every rule''s bound holds');
CREATE TABLE ql_wrong AS SELECT * FROM ql;
UPDATE ql_wrong SET data1 = '15' WHERE callid = 'A' AND event = 'CONNECT';
SELECT create_asterisk_views('ql_wrong', 'ast_wrong', 'UTC') \g /dev/null
SELECT is((SELECT concat_ws('|', figure, round(difference::numeric, 1), coalesce(rule, 'unexplained')) FROM ast_wrong.cross_check
		WHERE difference <> 0 AND rule IS NULL), 'wait|-3.3|unexplained',
	'a figure Asterisk did not compute from the times is left unexplained (rule NULL)');

-- 4. the column variants of queue_log give the same report
CREATE TABLE ql_data_text AS
SELECT id, to_char(time, 'YYYY-MM-DD HH24:MI:SS.US')::varchar(26) AS time, callid, queuename, agent, event,
	rtrim(concat_ws('|', data1, data2, data3, data4, data5), '|')::varchar(255) AS data
FROM ql;
CREATE TABLE ql_tz AS SELECT (time AT TIME ZONE 'UTC') AS time, callid, queuename, agent, event, data1, data2, data3, data4, data5
FROM ql ORDER BY id;
CREATE TABLE ql_epoch AS SELECT id, extract(epoch FROM time AT TIME ZONE 'UTC') AS time, callid, queuename, agent, event, data1, data2, data3, data4, data5
FROM ql;
SELECT create_asterisk_views('ql_data_text', 'ast_v1', 'UTC') \g /dev/null
SELECT create_asterisk_views('ql_tz', 'ast_v2', 'UTC') \g /dev/null
SELECT create_asterisk_views('ql_epoch', 'ast_v3', 'UTC') \g /dev/null
SELECT is(mismatches('(SELECT r::text AS r FROM ast_v1.monthly_report r) s', '(SELECT r::text AS r FROM ast_hand.monthly_report r) s')
	+ mismatches('(SELECT r::text AS r FROM ast_v1.cross_check r) s', '(SELECT r::text AS r FROM ast_hand.cross_check r) s')
	+ mismatches('(SELECT r::text AS r FROM ast_v1.operator_monthly r) s', '(SELECT r::text AS r FROM ast_hand.operator_monthly r) s'),
	0::bigint, 'one data column (''|''-separated) and time as text: the same reports');
SELECT is(mismatches('(SELECT r::text AS r FROM ast_v2.monthly_report r) s', '(SELECT r::text AS r FROM ast_hand.monthly_report r) s')
	+ mismatches('(SELECT r::text AS r FROM ast_v2.cross_check r) s', '(SELECT r::text AS r FROM ast_hand.cross_check r) s'),
	0::bigint, 'time as timestamptz, no id column: the same reports');
SELECT is(mismatches('(SELECT r::text AS r FROM ast_v3.monthly_report r) s', '(SELECT r::text AS r FROM ast_hand.monthly_report r) s'),
	0::bigint, 'time as epoch seconds: the same report');
-- a log written in local time (queue_log_realtime_use_gmt = no) read in its zone
CREATE TABLE ql_berlin AS SELECT id, (time AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin' AS time, callid, queuename, agent, event,
	data1, data2, data3, data4, data5 FROM ql;
SELECT create_asterisk_views('ql_berlin', 'ast_v4', 'UTC', 'Europe/Berlin') \g /dev/null
SELECT is(mismatches('(SELECT r::text AS r FROM ast_v4.queue_visits r) s', '(SELECT r::text AS r FROM ast_hand.queue_visits r) s'),
	0::bigint, 'local time read in log_time_zone: the same visits');

-- an empty log: every view empty, no error
CREATE TABLE ql_empty (LIKE ql);
SELECT create_asterisk_views('ql_empty', 'ast_empty') \g /dev/null
SELECT is((SELECT count(*) FROM ast_empty.monthly_report) + (SELECT count(*) FROM ast_empty.operator_monthly)
	+ (SELECT count(*) FROM ast_empty.contact_facts) + (SELECT count(*) FROM ast_empty.cross_check), 0::bigint,
	'an empty queue_log: empty views');
-- NULL data fields (a table filled by hand): no figure, no error
CREATE TABLE ql_nulls AS SELECT * FROM ql;
UPDATE ql_nulls SET data1 = NULL, data2 = NULL, data3 = NULL, data4 = NULL, data5 = NULL;
SELECT create_asterisk_views('ql_nulls', 'ast_nulls', 'UTC') \g /dev/null
SELECT is((SELECT count(*) || ' ' || count(customer_id) FROM ast_nulls.contact_facts) || ' ' || (SELECT count(*) FROM ast_nulls.cross_check),
	'10 0 0', 'NULL data fields: the calls without caller ids, no cross-check rows');

-- 5. arguments
SELECT throws_ok($$SELECT create_asterisk_views(NULL)$$, '22004', 'queue_log must not be null', 'a NULL queue_log');
SELECT throws_ok($$SELECT create_asterisk_views('no_such_table')$$, '42P01', NULL, 'a missing table: 42P01');
CREATE TABLE ql_no_event AS SELECT time, callid, queuename, agent, data1, data2, data3, data4, data5 FROM ql;
SELECT throws_ok($$SELECT create_asterisk_views('ql_no_event')$$, '42703',
	'column "event" of source_asterisk.ql_no_event does not exist', 'a missing column: 42703 naming it');
CREATE TABLE ql_no_data AS SELECT time, callid, queuename, agent, event FROM ql;
SELECT throws_ok($$SELECT create_asterisk_views('ql_no_data')$$, '42703',
	'column "data1" of source_asterisk.ql_no_data does not exist', 'neither data1 .. data5 nor data: 42703');
CREATE TABLE ql_no_data5 AS SELECT time, callid, queuename, agent, event, data1, data2, data3, data4 FROM ql;
SELECT throws_ok($$SELECT create_asterisk_views('ql_no_data5')$$, '42703',
	'column "data5" of source_asterisk.ql_no_data5 does not exist', 'data1 without data5: 42703');
CREATE TABLE ql_bad_time AS SELECT time::date AS time, callid, queuename, agent, event, data1, data2, data3, data4, data5 FROM ql;
SELECT throws_ok($$SELECT create_asterisk_views('ql_bad_time')$$, '42804',
	'column "time" of source_asterisk.ql_bad_time has type date', 'a time column of another type: 42804');
SELECT throws_ok($$SELECT create_asterisk_views('ql', 'x', 'Mars/Olympus')$$, '22023',
	'time zone "Mars/Olympus" is not recognized', 'an unknown time_zone: 22023');
SELECT throws_ok($$SELECT create_asterisk_views('ql', 'x', 'UTC', 'Nowhere')$$, '22023',
	'time zone "Nowhere" is not recognized', 'an unknown log_time_zone: 22023');
SELECT throws_ok($$SELECT create_asterisk_views('ql', 'x', 'UTC', NULL, 0)$$, '22023',
	'threshold_seconds 0 is out of range', 'a threshold of 0: 22023');
SELECT throws_ok($$SELECT create_asterisk_views('ql', 'x', 'UTC', NULL, 20, -1)$$, '22023',
	'short_abandon_seconds -1 is out of range', 'a negative short abandon: 22023');
SELECT throws_ok($$SELECT create_asterisk_views('ql', 'x', 'UTC', NULL, 20, 5, 'generous')$$, '22023',
	'unknown sl_policy "generous"', 'an unknown policy: 22023');
SELECT throws_ok($$SELECT create_asterisk_views('ql', NULL)$$, '22004',
	'into_schema must not be null or empty', 'a NULL into_schema: 22004');
SELECT throws_ok($$SELECT create_asterisk_views('ql', 'x', NULL)$$, '22004',
	'time_zone must not be null', 'a NULL time_zone: 22004');
CREATE SEQUENCE not_a_table;
SELECT throws_ok($$SELECT create_asterisk_views('not_a_table')$$, '42809',
	'source_asterisk.not_a_table is not a table or view', 'a sequence: 42809');
SELECT ok(NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = 'x'), 'a refused call creates nothing');

-- the threshold, the short-abandon limit and the policy reach the report
SELECT create_asterisk_views('ql', 'ast_t', 'UTC', NULL, 10, 0, 'answered_only') \g /dev/null
SELECT is((SELECT concat_ws('|', offered, short_abandoned, sl_pct) FROM ast_t.monthly_report WHERE queue = 'q1'),
	'8|0|50.00', 'threshold 10 s, no short abandons, answered_only: q1 2 of 4 answered within 10 s');

-- 6. a second call replaces the views
SELECT is((SELECT count(*) FROM create_asterisk_views('ql', 'ast_hand', 'UTC')), 9::bigint, 'a second call works');
SELECT is((SELECT count(*) FROM pg_class WHERE relnamespace = 'ast_hand'::regnamespace), 9::bigint,
	'and leaves the same nine views');

-- 7. dependencies: only pg_catalog, the extension, the source table and the views' own schema
SELECT is((SELECT count(*) FROM pg_depend d JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
		JOIN pg_class v ON v.oid = r.ev_class AND v.relnamespace = 'ast_hand'::regnamespace
		CROSS JOIN LATERAL pg_identify_object(d.refclassid, d.refobjid, 0) o
		WHERE d.refobjid <> v.oid AND o.schema IS NOT NULL
			AND o.schema NOT IN ('pg_catalog', 'ast_hand', :'schema')
			AND o.schema <> (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'support_kpi')),
	0::bigint, 'the views depend only on pg_catalog, the extension, the source and their own schema');
SELECT ok((SELECT count(*) FROM pg_depend d JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
		WHERE r.ev_class = 'ast_hand.monthly_states'::regclass AND d.refclassid = 'pg_proc'::regclass
			AND d.refobjid IN (SELECT p.oid FROM pg_proc p JOIN pg_depend e ON e.objid = p.oid AND e.deptype = 'e'
				JOIN pg_extension x ON x.oid = e.refobjid AND x.extname = 'support_kpi')) >= 5,
	'monthly_states (monthly_report''s rows) is built with the extension''s aggregates');

-- 8. the generated month against plain SQL
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS asterisk_kpi CASCADE;
\i examples/sources/asterisk.sql
SET client_min_messages = warning;
SET search_path = source_asterisk, public;
SELECT is((SELECT count(*) FROM create_asterisk_views('asterisk.queue_log', 'asterisk_kpi', 'Europe/Berlin')), 9::bigint,
	'the statement of docs/sources.md over the generated month');
CREATE INDEX ON asterisk.queue_log (callid, queuename);
-- what an analyst writes: each ENTERQUEUE and the first answer or exit of the same call
-- and queue after it; waits from the local times read in Europe/Berlin
CREATE TABLE plain AS
WITH v AS (
	SELECT en.queuename AS queue, nx.event,
		extract(epoch FROM (nx.time AT TIME ZONE 'Europe/Berlin') - (en.time AT TIME ZONE 'Europe/Berlin')) AS wait
	FROM asterisk.queue_log en
	LEFT JOIN LATERAL (SELECT x.event, x.time FROM asterisk.queue_log x
		WHERE x.callid = en.callid AND x.queuename = en.queuename AND x.id > en.id
			AND x.event IN ('CONNECT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY')
		ORDER BY x.id LIMIT 1) nx ON true
	WHERE en.event = 'ENTERQUEUE')
SELECT queue,
	count(*) FILTER (WHERE event IS NOT NULL AND NOT (event = 'ABANDON' AND wait < 5)) AS offered,
	count(*) FILTER (WHERE event = 'CONNECT') AS answered,
	count(*) FILTER (WHERE event = 'ABANDON' AND wait >= 5) AS abandoned,
	count(*) FILTER (WHERE event = 'ABANDON' AND wait < 5) AS short_abandoned,
	count(*) FILTER (WHERE event LIKE 'EXIT%') AS overflowed,
	count(*) FILTER (WHERE event IS NULL) AS still_waiting,
	round(100.0 * count(*) FILTER (WHERE event = 'CONNECT' AND wait <= 20)
		/ count(*) FILTER (WHERE event IS NOT NULL AND NOT (event = 'ABANDON' AND wait < 5)), 2) AS sl_pct,
	round(100.0 * count(*) FILTER (WHERE event = 'ABANDON' AND wait >= 5)
		/ count(*) FILTER (WHERE event IS NOT NULL AND NOT (event = 'ABANDON' AND wait < 5)), 2) AS abandon_rate,
	round((avg(wait) FILTER (WHERE event = 'CONNECT'))::numeric, 1)::float8 AS asa_seconds,
	round((percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) FILTER (WHERE event = 'CONNECT'))::numeric, 1)::float8 AS wait_median
FROM v GROUP BY queue;
SELECT is(mismatches('plain', $$(SELECT queue, offered, answered, abandoned, short_abandoned, overflowed, still_waiting, sl_pct,
		abandon_rate, asa_seconds, wait_median_seconds FROM asterisk_kpi.monthly_report WHERE queue IS NOT NULL) r$$), 0::bigint,
	'the generated month: the monthly report per queue equals plain SQL over queue_log');
SELECT is((SELECT count(*) FROM asterisk_kpi.monthly_report WHERE queue IS NOT NULL), 4::bigint,
	'four queues (backoffice receives the overflows)');
-- talk: plain SQL pairs each CONNECT with the next COMPLETE* or transfer of the same call and queue
SELECT is((SELECT round((avg(extract(epoch FROM (e.time AT TIME ZONE 'Europe/Berlin') - (c.time AT TIME ZONE 'Europe/Berlin'))))::numeric, 1)::float8
		FROM asterisk.queue_log c CROSS JOIN LATERAL (SELECT x.time FROM asterisk.queue_log x WHERE x.callid = c.callid
			AND x.queuename = c.queuename AND x.id > c.id AND x.event IN ('COMPLETECALLER', 'COMPLETEAGENT', 'TRANSFER',
				'BLINDTRANSFER', 'ATTENDEDTRANSFER') ORDER BY x.id LIMIT 1) e
		WHERE c.event = 'CONNECT' AND c.queuename = 'support'),
	(SELECT aht_seconds FROM asterisk_kpi.monthly_report WHERE queue = 'support'), 'AHT of support equals plain SQL');
SELECT is((SELECT offered || ' ' || answered || ' ' || still_waiting FROM asterisk_kpi.monthly_report WHERE queue IS NULL),
	(SELECT count(*) FILTER (WHERE answered IS NOT NULL AND NOT coalesce(NOT answered AND wait_seconds < 5, false)) || ' '
		|| count(*) FILTER (WHERE answered) || ' ' || count(*) FILTER (WHERE answered IS NULL) FROM asterisk_kpi.contact_facts),
	'the line''s row counts the calls of contact_facts');
-- the call across the change to summer time: 35 s, as Asterisk says
SELECT is((SELECT concat_ws('|', round(ours::numeric, 2), theirs, rule) FROM asterisk_kpi.cross_check c
		JOIN asterisk_kpi.queue_visits v ON v.contact_id = c.contact_id
		WHERE v.entered_at = timestamptz '2026-03-29 01:59:40.25+01' AND c.figure = 'wait'),
	'35.00|35', 'a wait across the change to summer time, read from local times: 35 s, as Asterisk''s');

-- the cross-check of the generated month: every difference whole seconds
SELECT is((SELECT count(*) FROM asterisk_kpi.cross_check WHERE (difference <> 0) <> (rule IS NOT NULL)
		OR (rule = 'whole_seconds' AND abs(difference) >= 1)), 0::bigint,
	'the generated month: every difference has a rule and stays within its bound');
\set cross_counts 'talk|whole_seconds|2580 wait|equal|8 wait|whole_seconds|3126'
SELECT is((SELECT string_agg(concat_ws('|', figure, coalesce(rule, 'equal'), count), ' ' ORDER BY figure, rule NULLS FIRST)
		FROM (SELECT figure, rule, count(*) FROM asterisk_kpi.cross_check GROUP BY 1, 2) x),
	:'cross_counts', 'the generated month: how many figures each rule explains');

-- 9. the cookbook's bi.contacts_monthly over this contact_facts
DROP SCHEMA IF EXISTS bi CASCADE;
CREATE SCHEMA bi;
SET search_path = asterisk_kpi, source_asterisk, public;
-- (the block of docs/cookbook.md that creates the view, as tools/checks/your_data.sh takes it)
\set cookbook `perl -e 'open my $fh, "<", "docs/cookbook.md" or die; my ($in, $b) = (0, ""); while (<$fh>) { if (!$in && /^\x60{3}sql[ ]*$/) { $in = 1; $b = ""; next } if ($in && /^\x60{3}[ ]*$/) { print $b if $b =~ /CREATE VIEW bi.contacts_monthly/; $in = 0; next } $b .= $_ if $in }'`
:cookbook
SET search_path = source_asterisk, public;
SELECT is((SELECT sum(offered) || ' ' || sum(answered_within) || ' ' || sum(answered) FROM bi.contacts_monthly),
	(SELECT offered || ' ' || answered_within(sl_state) || ' ' || answered FROM asterisk_kpi.monthly_states WHERE queue IS NULL),
	'the cookbook''s bi.contacts_monthly over contact_facts: the line''s offered, answered within 20 s, answered');
SELECT is((SELECT round(sum(answered_within) * 100.0 / sum(offered), 2) FROM bi.contacts_monthly),
	(SELECT sl_pct FROM asterisk_kpi.monthly_report WHERE queue IS NULL), 'its service level from the sums is the line''s');

-- the recipe of docs/sources.md (operator time from the member events), over the hand-written log:
-- X is logged in 08:00-18:00 (36 000 s), on calls H (90 s) and J's first visit (60 s), paused
-- for lunch 12:00-12:30 (1 800 s): available 36 000 - 150 - 1 800 = 34 050 s, occupancy 150 / 34 200;
-- logged out 18:00-24:00 (21 600 s); 00:00-08:00 unknown (the log starts at 08:00)
\set recipe `perl -e 'open my $fh, "<", "docs/sources.md" or die; my ($in, $b) = (0, ""); while (<$fh>) { if (!$in && /^\x60{3}sql[ ]*$/) { $in = 1; $b = ""; next } if ($in && /^\x60{3}[ ]*$/) { print $b if $b =~ /CREATE VIEW asterisk_agent_status/; $in = 0; next } $b .= $_ if $in }'`
\set recipe_hand `perl -e 'open my $fh, "<", "docs/sources.md" or die; my ($in, $b) = (0, ""); while (<$fh>) { if (!$in && /^\x60{3}sql[ ]*$/) { $in = 1; $b = ""; next } if ($in && /^\x60{3}[ ]*$/) { if ($b =~ /CREATE VIEW asterisk_agent_status/) { $b =~ s/asterisk_kpi\./ast_hand./g; print $b } $in = 0; next } $b .= $_ if $in }'`
SELECT set_config('search_path', 'ast_hand, source_asterisk, public', false) \g /dev/null
:recipe_hand
SELECT set_config('search_path', 'source_asterisk, public', false) \g /dev/null
CREATE TABLE hand_day AS
SELECT unnest(agent_time(at, status, '1 day', '2026-03-02', '2026-03-03', 'UTC' ORDER BY at, ord)) AS st
FROM ast_hand.asterisk_agent_status WHERE operator_id = 'X';
SELECT is((SELECT string_agg(s.status || '=' || s.seconds, ' ' ORDER BY s.status) FROM hand_day, status_times(st) s),
	'Available=34050 Logged out=21600 On call=150 Paused: lunch=1800',
	'the recipe over the hand-written log: X''s day by hand');
SELECT is((SELECT occupancy(st, '{"On call": "handling", "Available": "available", "Paused: lunch": "break", "Logged out": "logged_out"}')
	FROM hand_day), 150 * 100.0 / 34200, 'X''s occupancy: 150 / (150 + 34 050)');
-- and over the generated month: Agent/1001's time on call on 2 March (Berlin) = its visits'
-- connected-to-ended seconds by plain SQL
SELECT set_config('search_path', 'asterisk_kpi, source_asterisk, public', false) \g /dev/null
:recipe
SELECT set_config('search_path', 'source_asterisk, public', false) \g /dev/null
SELECT is((SELECT round(status_seconds(st, 'On call')::numeric, 6)
	FROM (SELECT unnest(agent_time(at, status, '1 day', '2026-03-02 00:00+01', '2026-03-03 00:00+01', 'Europe/Berlin' ORDER BY at, ord)) AS st
		FROM asterisk_kpi.asterisk_agent_status WHERE operator_id = 'Agent/1001') d),
	(SELECT round(sum(extract(epoch FROM least(ended_at, '2026-03-03 00:00+01') - greatest(connected_at, '2026-03-02 00:00+01'))), 6)
	 FROM asterisk_kpi.queue_visits WHERE operator_id = 'Agent/1001' AND connected_at < '2026-03-03 00:00+01'
		AND ended_at > '2026-03-02 00:00+01'),
	'the generated month: Agent/1001''s time on call on 2 March = its visits by plain SQL');

SELECT * FROM finish();
DROP SCHEMA bi CASCADE;
DROP SCHEMA asterisk_kpi, ast_hand, ast_wrong, ast_v1, ast_v2, ast_v3, ast_v4, ast_empty, ast_nulls, ast_t CASCADE;
DROP SCHEMA asterisk CASCADE;
DROP SCHEMA source_asterisk CASCADE;

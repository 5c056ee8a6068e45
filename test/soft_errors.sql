-- pgTAP: the input functions of every type of the extension report bad text
-- input as soft errors where PostgreSQL asks for them (pg_input_is_valid,
-- pg_input_error_info, COPY ... ON_ERROR: PostgreSQL 16+), with the SQLSTATE
-- the same input raises as a hard error in a plain cast; and accept the good
-- inputs.  On PostgreSQL 15 (no soft errors) the same cases are checked as
-- hard errors: the same assertions run on every major, none is skipped.
--
-- A case that raised a hard error where a soft one was asked for shows as
-- 'HARD <sqlstate>' in the mismatches.
\set schema soft_errors
\ir helpers.psql

SELECT plan(21);
SET timezone = 'UTC';
SELECT current_setting('server_version_num')::int >= 160000 AS soft \gset

CREATE TABLE cases (typ regtype, input text, expect text);
INSERT INTO cases VALUES
	-- score distributions
	('nps_state', '{"version":1,"kind":"nps","scale":[0,10],"counts":[1,1,1,1,1,1,1,1,1,1,1]}', 'valid'),
	('nps_state', 'x', '22P02'),
	('nps_state', '{"version":1,"kind":"nps","scale":[0,10],"counts":[1,1]}', '22P02'),
	('nps_state', '{"version":2,"kind":"nps","scale":[0,10],"counts":[1,1,1,1,1,1,1,1,1,1,1]}', '22P02'),
	('nps_state', '{"version":1,"kind":"nps","scale":[0,10],"counts":[1,1,1,1,1,1,1,1,1,1,99999999999999999999]}', '22003'),
	('nps_state', '{"version":1,"kind":"nps","scale":[0,10],"counts":[1,1,1,1,1,1,1,1,1,1,-1]}', '22003'),
	('ces_state', '{"version":1,"kind":"ces","scale":[1,7],"counts":[2,2,2,2,1,1,1]}', 'valid'),
	('ces_state', '{"version":1,"kind":"nps","scale":[1,7],"counts":[2,2,2,2,1,1,1]}', '22P02'),
	('csat_state', '{"version":1,"kind":"csat","scale":[1,5],"counts":[3,2,2,2,2]}', 'valid'),
	('csat_state', '{"version":1,"kind":"csat","scale":[1,5],"counts":[3,2,2,2,2],"extra":1}', '22P02'),
	-- counters
	('share_state', '{"version":1,"kind":"share","hits":6,"total":11}', 'valid'),
	('share_state', '{"version":1,"kind":"share","hits":12,"total":11}', '22003'),
	('share_state', '{"version":1,"kind":"share","hits":6}', '22P02'),
	('queue_state', '{"version":1,"kind":"queue","policy":"against","answered":7,"answered_within":7,"abandoned":4,"abandoned_within":4,"short_abandoned":0,"answered_wait_us":37000000}', 'valid'),
	('queue_state', '{"version":1,"kind":"queue","policy":"sometimes","answered":7,"answered_within":7,"abandoned":4,"abandoned_within":4,"short_abandoned":0,"answered_wait_us":37000000}', '22P02'),
	('handle_state', '{"version":1,"kind":"handle","handled":11,"handle_us":55000000}', 'valid'),
	('handle_state', '{"version":1,"kind":"handle","handled":11,"handle_us":-5}', '22003'),
	('occupancy_state', '{"version":1,"kind":"occupancy","periods":11,"busy_us":55000000,"available_us":220000000}', 'valid'),
	('occupancy_state', '{"version":1,"kind":"occupancy","periods":11,"busy_us":55000000', '22P02'),
	-- sketch and exact values
	('duration_sketch', '{"version":1,"kind":"duration","count":0,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}', 'valid'),
	('duration_sketch', '{"version":1,"kind":"duration","count":5,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}', '22P02'),
	('duration_values', '{"version":1,"percentiles":[0.5],"array":false,"values":[3,1.5,2]}', 'valid'),
	('duration_values', '{"version":1,"percentiles":[1.5],"array":false,"values":[3,1.5,2]}', '22P02'),
	('duration_values', '{"version":1,"percentiles":[0.5],"array":false,"values":[3,"NaN",2]}', '22P02'),
	-- timelines
	('contact_timeline', '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:01:00+00","first_customer_message":"2026-03-02 09:00:00+00","events":2,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":60,"response_total":60,"response_max":60,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}', 'valid'),
	('contact_timeline', '{"version":1,"first_event":"2026-03-02 09:00:00+00","last_event":"2026-03-02 09:01:00+00","first_customer_message":"2026-03-02 09:00:00+00","events":2,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":0,"response_total":45.5,"response_max":45.5,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}', '22P02'),
	-- a timestamp that is not one: timestamptz_in's own error, soft too
	('contact_timeline', '{"version":1,"first_event":"2026-13-45 09:00:00+00","last_event":"2026-03-02 09:01:00+00","first_customer_message":"2026-03-02 09:00:00+00","events":2,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":60,"response_total":60,"response_max":60,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}', '22008'),
	('contact_timeline', '{"version":1,"first_event":"yesterday-ish","last_event":"2026-03-02 09:01:00+00","first_customer_message":"2026-03-02 09:00:00+00","events":2,"customer_messages":1,"operator_messages":1,"bot_messages":0,"operators":0,"transfers":0,"reopens":0,"response_turns":1,"first_response":60,"response_total":60,"response_max":60,"assignment_to_reply":null,"handle":0,"hold":0,"resolution":null,"bot_handoff":false,"abandoned":false,"resolved":false}', '22007'),
	('contact_timeline_state', '{"version":1,"events":[["2026-03-02 10:00:00+00","customer_message","customer",null],["2026-03-02 10:00:45.5+00","operator_message","operator","an\"na"]]}', 'valid'),
	('contact_timeline_state', '{"version":1,"events":[["2026-03-02 10:00:00+00","bot_message","customer",null]]}', '22P02'),
	('contact_timeline_state', '{"version":1,"events":[["infinity","offered","system",null]]}', '22P02'),
	('contact_timeline_state', '{"version":1,"events":[["2026-02-30 10:00:00+00","offered","system",null]]}', '22008'),
	('contact_timeline_state', '{"version":1,"events":[["soon","offered","system",null]]}', '22007'),
	('contact_timeline_state', '{"version":1,"events":[["2026-03-02 10:00:00+00","teleported","system",null]]}', '22P02'),
	-- operator time (issue 18)
	('agent_time_state', '{"version":1,"kind":"agent_time","bucket_start":"2026-03-02 09:00:00+00","bucket_end":"2026-03-02 10:00:00+00","span_us":3600000000,"times":[[null,"ready",3600000000]]}', 'valid'),
	('agent_time_state', '{"version":1,"kind":"agent_time","bucket_start":"2026-03-02 09:00:00+00","bucket_end":"2026-03-02 10:00:00+00","span_us":3600000000,"times":[[null,"ready",60]]}', '22023'),
	('agent_time_state', '{"version":1,"kind":"agent_time","bucket_start":"2026-03-02 09:00:00+00","bucket_end":null,"span_us":3600000000,"times":[[null,"ready",3600000000]]}', '22P02'),
	('agent_time_log_state', '{"version":1,"kind":"agent_time_log","width_months":0,"width_days":0,"width_us":3600000000,"from":"2026-03-02 09:00:00+00","to":"2026-03-02 11:00:00+00","time_zone":"UTC","bucket":0,"credited_to":"2026-03-02 09:30:00+00","last_at":"2026-03-02 09:30:00+00","done":false,"status":0,"plan":null,"plan_until":null,"statuses":["ready"],"times":[[0,null,null,1800000000]]}', 'valid'),
	('agent_time_log_state', '{"version":1,"kind":"agent_time_log","width_months":0,"width_days":0,"width_us":3600000000,"from":"2026-03-02 09:00:00+00","to":"2026-03-02 11:00:00+00","time_zone":"UTC","bucket":0,"credited_to":"2026-03-02 09:30:00+00","last_at":"2026-03-02 09:30:00+00","done":false,"status":0,"plan":null,"plan_until":null,"statuses":["ready"],"times":[[0,null,null,1800000001]]}', '22023'),
	('agent_time_log_state', '{"version":1,"kind":"agent_time_log","width_months":0,"width_days":0,"width_us":0,"from":"2026-03-02 09:00:00+00","to":"2026-03-02 11:00:00+00","time_zone":"UTC","bucket":0,"credited_to":"2026-03-02 09:30:00+00","last_at":null,"done":false,"status":null,"plan":null,"plan_until":null,"statuses":[],"times":[]}', '22P02'),
	('concurrency_state', '{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":2,"chat_us":1200000000,"levels":[600000000,300000000]}', 'valid'),
	('concurrency_state', '{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":2,"chat_us":1200000000,"levels":[600000000,300000000,0]}', '22023'),
	('concurrency_state', '{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":2,"levels":[600000000,300000000]}', '22P02'),
	('concurrency_log_state', '{"version":1,"kind":"concurrency_log","width_months":0,"width_days":0,"width_us":900000000,"from":"2026-03-02 10:00:00+00","to":"2026-03-02 11:00:00+00","time_zone":"UTC","bucket":0,"credited_to":"2026-03-02 10:10:00+00","last_start":"2026-03-02 10:10:00+00","done":false,"open":["2026-03-02 10:20:00+00","2026-03-02 10:30:00+00"],"chats":[[0,2]],"levels":[[0,1,600000000]]}', 'valid'),
	('concurrency_log_state', '{"version":1,"kind":"concurrency_log","width_months":0,"width_days":0,"width_us":900000000,"from":"2026-03-02 10:00:00+00","to":"2026-03-02 11:00:00+00","time_zone":"UTC","bucket":0,"credited_to":"2026-03-02 10:10:00+00","last_start":"2026-03-02 10:10:00+00","done":false,"open":["2026-03-02 10:05:00+00"],"chats":[[0,2]],"levels":[[0,1,600000000]]}', '22023'),
	('concurrency_log_state', '{"version":1,"kind":"concurrency_log","width_months":0,"width_days":0,"width_us":900000000,"from":"2026-03-02 10:00:00+00","to":"2026-03-02 11:00:00+00","time_zone":"Mars/Olympus","bucket":0,"credited_to":"2026-03-02 10:10:00+00","last_start":null,"done":false,"open":[],"chats":[],"levels":[]}', '22P02'),
	-- calendars
	('business_calendar', 'UTC; Mon-Fri 09:00-18:00; holidays 2026-12-24', 'valid'),
	('business_calendar', 'UTC; Mon-Fri 09:00-25:00', '22008'),
	('business_calendar', 'Mars/Olympus; Mon-Fri 09:00-18:00', '22023'),
	('business_calendar', 'UTC; Funday 09:00-18:00', '22P02'),
	('business_calendar', 'UTC; Mon-Fri 09:00-18:00; holidays 2026-02-30', '22008'),
	-- the enums and the composite (PostgreSQL's own input functions)
	('contact_event_kind', 'offered', 'valid'),
	('contact_event_kind', 'teleported', '22P02'),
	('contact_party', 'martian', '22P02'),
	('contact_event', '(offered,"2026-03-02 10:00:00+00",system,)', 'valid'),
	('contact_event', '(offered,"not a time",system,)', '22007');

-- what the input gives: 'valid', the SQLSTATE of a soft error, or, where a
-- soft error was asked for, 'HARD <sqlstate>' for an error that was thrown
CREATE FUNCTION outcome(typ regtype, input text, soft boolean) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	code text;
BEGIN
	IF soft THEN
		BEGIN
			EXECUTE 'SELECT sql_error_code FROM pg_input_error_info($1, $2)' INTO code USING input, typ::text;
			RETURN coalesce(code, 'valid');
		EXCEPTION WHEN others THEN
			RETURN 'HARD ' || SQLSTATE;
		END;
	END IF;
	BEGIN
		EXECUTE format('SELECT %L::%s', input, typ);
		RETURN 'valid';
	EXCEPTION WHEN others THEN
		RETURN SQLSTATE;
	END;
END $$;

SELECT is((SELECT count(*) FROM cases), 56::bigint, '56 cases over ' || (SELECT count(DISTINCT typ) FROM cases) || ' types');
SELECT is((SELECT count(DISTINCT typ) FROM cases), (SELECT count(*) FROM pg_type t JOIN pg_depend d
		ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
		WHERE NOT EXISTS (SELECT FROM pg_type el WHERE el.typarray = t.oid) AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi')
			-- not the result types of figures(): composites whose input is PostgreSQL's own record_in
			AND NOT EXISTS (SELECT FROM pg_proc p WHERE p.proname = 'figures' AND p.prorettype = t.oid)),
	'every type of the extension has cases (but the composites of figures())');
-- one assertion per type: the cases whose outcome differs from the expected
SELECT is((SELECT string_agg(left(input, 60) || ': ' || outcome(typ, input, :'soft') || ' (expected ' || expect || ')', '; ')
		FROM cases c WHERE c.typ = t.typ AND outcome(c.typ, c.input, :'soft') <> c.expect),
	NULL, format('%s: %s input cases, %s', t.typ,
		(SELECT count(*) FROM cases c WHERE c.typ = t.typ),
		CASE WHEN :'soft' THEN 'soft errors (pg_input_error_info)' ELSE 'hard errors (PostgreSQL 15)' END))
FROM (SELECT DISTINCT typ FROM cases) t ORDER BY t.typ::text;

SELECT * FROM finish();
DROP SCHEMA soft_errors CASCADE;

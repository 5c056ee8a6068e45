-- pgTAP: create_chatwoot_views() over Chatwoot's tables (issue 19): the views
-- and their comments, every mapping rule on a hand-written fixture, an empty
-- source, the generated month's report against plain SQL over the same
-- tables, the cookbook's bi.contacts_monthly over contact_facts, the
-- cross-check rules and their bounds (a tampered stored figure is unexplained),
-- outbound conversations (an agent wrote first), bad arguments, a second call, the
-- views' dependencies.  Run from the repository root (it \i's
-- examples/sources/chatwoot.sql).
\set schema source_chatwoot
\ir helpers.psql

SELECT plan(54);
SET timezone = 'UTC';

-- Empty Chatwoot tables: the generator with no conversation, kept as cw_tiny
-- (the hand-written fixture) and cw_empty
\set chatwoot_conversations 0
\i examples/sources/chatwoot.sql
DROP SCHEMA IF EXISTS cw_empty CASCADE;
DROP SCHEMA IF EXISTS cw_tiny CASCADE;
DROP SCHEMA IF EXISTS cw_empty_kpi CASCADE;
DROP SCHEMA IF EXISTS cw_tiny_kpi CASCADE;
DROP SCHEMA IF EXISTS chatwoot_kpi CASCADE;
DROP SCHEMA IF EXISTS cw_broken CASCADE;
DROP SCHEMA IF EXISTS bi CASCADE;
ALTER SCHEMA chatwoot RENAME TO cw_empty;
\i examples/sources/chatwoot.sql
ALTER SCHEMA chatwoot RENAME TO cw_tiny;
SET client_min_messages = warning;

-- The fixture: inboxes in UTC (1 web widget with a bot, working hours Mon-Fri
-- 09:00-17:00; 3 e-mail, the same hours; 4 API without working hours; 2
-- WhatsApp, open all day on weekdays)
UPDATE cw_tiny.inboxes SET timezone = 'UTC';
UPDATE cw_tiny.working_hours SET open_hour = 9, open_minutes = 0, close_hour = 17, close_minutes = 0
WHERE inbox_id IN (1, 3) AND day_of_week BETWEEN 1 AND 5;
UPDATE cw_tiny.working_hours SET closed_all_day = true, open_hour = NULL, open_minutes = NULL, close_hour = NULL,
	close_minutes = NULL WHERE inbox_id = 1 AND day_of_week = 6;
INSERT INTO cw_tiny.contacts (id, name, account_id, created_at, updated_at) VALUES
	(1, 'c1', 1, '2026-03-01', '2026-03-01'), (2, 'c2', 1, '2026-03-01', '2026-03-01'),
	(3, 'c3', 1, '2026-03-01', '2026-03-01'), (4, 'c4', 1, '2026-03-01', '2026-03-01'),
	(5, 'c5', 1, '2026-03-01', '2026-03-01'), (6, 'c6', 1, '2026-03-01', '2026-03-01');
INSERT INTO cw_tiny.conversations (id, account_id, inbox_id, status, assignee_id, created_at, updated_at, contact_id,
	display_id, uuid) VALUES
	-- 1: bot, handoff, two answered turns, a private note, an automation message, resolved by Anna, rated 5
	(1, 1, 1, 1, 1, '2026-03-02 09:00:00', '2026-03-02 09:05:00', 1, 1, md5('1')::uuid),
	-- 2: e-mail on Friday 16:30 answered Monday 09:30 by Boris, resolved, reopened, answered by Chen
	(2, 1, 3, 1, 3, '2026-03-06 16:30:00', '2026-03-10 11:00:00', 2, 2, md5('2')::uuid),
	-- 3: API chat nobody answered, auto-resolved a day later
	(3, 1, 4, 1, NULL, '2026-03-03 12:00:00', '2026-03-04 12:00:00', 3, 3, md5('3')::uuid),
	-- 4: the bot (and the AI assistant) answered, the bot resolved
	(4, 1, 1, 1, NULL, '2026-03-03 10:00:00', '2026-03-03 10:02:00', 4, 4, md5('4')::uuid),
	-- 5: still waiting for an agent
	(5, 1, 4, 0, NULL, '2026-03-31 23:50:00', '2026-03-31 23:50:00', 5, 5, md5('5')::uuid),
	-- 6: customer 1 again two days after conversation 1 (a repeat); milliseconds
	(6, 1, 4, 1, 1, '2026-03-04 10:00:00.3', '2026-03-04 10:10:00', 1, 6, md5('6')::uuid),
	-- 7: outbound e-mail: Boris writes first (Wednesday 10:00:02), the customer answers at 14:00,
	-- Boris replies at 15:00 and resolves at 16:00
	(7, 1, 3, 1, 2, '2026-03-11 10:00:00', '2026-03-11 16:00:00', 6, 7, md5('7')::uuid);
INSERT INTO cw_tiny.messages (id, content, account_id, inbox_id, conversation_id, message_type, created_at, updated_at,
	private, content_type, content_attributes, sender_type, sender_id, additional_attributes) VALUES
	(1, 'hi', 1, 1, 1, 0, '2026-03-02 09:00:00', '2026-03-02 09:00:00', false, 0, '{}', 'Contact', 1, '{}'),
	(2, 'greeting', 1, 1, 1, 3, '2026-03-02 09:00:01', '2026-03-02 09:00:01', false, 0, '{}', NULL, NULL, '{}'),
	(3, 'bot', 1, 1, 1, 1, '2026-03-02 09:00:05', '2026-03-02 09:00:05', false, 0, '{}', 'AgentBot', 1, '{}'),
	(4, 'handed over', 1, 1, 1, 2, '2026-03-02 09:00:30', '2026-03-02 09:00:30', false, 0, '{}', NULL, NULL, '{}'),
	(5, 'note', 1, 1, 1, 1, '2026-03-02 09:00:40', '2026-03-02 09:00:40', true, 0, '{}', 'User', 1, '{}'),
	(6, 'anna', 1, 1, 1, 1, '2026-03-02 09:01:00', '2026-03-02 09:01:00', false, 0, '{}', 'User', 1, '{}'),
	(7, 'q2', 1, 1, 1, 0, '2026-03-02 09:02:00', '2026-03-02 09:02:00', false, 0, '{}', 'Contact', 1, '{}'),
	(8, 'q2b', 1, 1, 1, 0, '2026-03-02 09:02:30', '2026-03-02 09:02:30', false, 0, '{}', 'Contact', 1, '{}'),
	(9, 'auto', 1, 1, 1, 1, '2026-03-02 09:03:00', '2026-03-02 09:03:00', false, 0, '{"automation_rule_id": 7}', NULL, NULL, '{}'),
	(10, 'anna 2', 1, 1, 1, 1, '2026-03-02 09:04:00', '2026-03-02 09:04:00', false, 0, '{}', 'User', 1, '{}'),
	(11, 'resolved', 1, 1, 1, 2, '2026-03-02 09:05:00', '2026-03-02 09:05:00', false, 0, '{}', NULL, NULL, '{}'),
	(12, 'rate us', 1, 1, 1, 3, '2026-03-02 09:05:01', '2026-03-02 09:05:01', false, 9, '{}', NULL, NULL, '{}'),
	(20, 'mail', 1, 3, 2, 0, '2026-03-06 16:30:00', '2026-03-06 16:30:00', false, 0, '{}', 'Contact', 2, '{}'),
	(21, 'boris', 1, 3, 2, 1, '2026-03-09 09:30:00', '2026-03-09 09:30:00', false, 0, '{}', 'User', 2, '{}'),
	(22, 'again', 1, 3, 2, 0, '2026-03-10 10:00:00', '2026-03-10 10:00:00', false, 0, '{}', 'Contact', 2, '{}'),
	(23, 'chen', 1, 3, 2, 1, '2026-03-10 10:30:00', '2026-03-10 10:30:00', false, 0, '{}', 'User', 3, '{}'),
	(24, 'campaign', 1, 3, 2, 1, '2026-03-10 10:40:00', '2026-03-10 10:40:00', false, 0, '{}', 'User', 3, '{"campaign_id": 2}'),
	(30, 'hello?', 1, 4, 3, 0, '2026-03-03 12:00:00', '2026-03-03 12:00:00', false, 0, '{}', 'Contact', 3, '{}'),
	(40, 'q', 1, 1, 4, 0, '2026-03-03 10:00:00', '2026-03-03 10:00:00', false, 0, '{}', 'Contact', 4, '{}'),
	(41, 'bot', 1, 1, 4, 1, '2026-03-03 10:00:03', '2026-03-03 10:00:03', false, 0, '{}', 'AgentBot', 1, '{}'),
	(42, 'ai', 1, 1, 4, 1, '2026-03-03 10:01:00', '2026-03-03 10:01:00', false, 0, '{}', 'Captain::Assistant', 1, '{}'),
	(50, 'waiting', 1, 4, 5, 0, '2026-03-31 23:50:00', '2026-03-31 23:50:00', false, 0, '{}', 'Contact', 5, '{}'),
	(60, 'me again', 1, 4, 6, 0, '2026-03-04 10:00:00.4', '2026-03-04 10:00:00.4', false, 0, '{}', 'Contact', 1, '{}'),
	(61, 'anna', 1, 4, 6, 1, '2026-03-04 10:00:20.2', '2026-03-04 10:00:20.2', false, 0, '{}', 'User', 1, '{}'),
	(70, 'note first', 1, 3, 7, 1, '2026-03-11 10:00:01', '2026-03-11 10:00:01', true, 0, '{}', 'User', 2, '{}'),
	(71, 'boris opens', 1, 3, 7, 1, '2026-03-11 10:00:02', '2026-03-11 10:00:02', false, 0, '{}', 'User', 2, '{}'),
	(72, 'answer', 1, 3, 7, 0, '2026-03-11 14:00:00', '2026-03-11 14:00:00', false, 0, '{}', 'Contact', 6, '{}'),
	(73, 'boris', 1, 3, 7, 1, '2026-03-11 15:00:00', '2026-03-11 15:00:00', false, 0, '{}', 'User', 2, '{}');
INSERT INTO cw_tiny.reporting_events (name, value, value_in_business_hours, account_id, inbox_id, user_id,
	conversation_id, event_start_time, event_end_time, created_at, updated_at) VALUES
	('conversation_opened', 0, 0, 1, 1, NULL, 1, '2026-03-02 09:00:00', '2026-03-02 09:00:30', '2026-03-02 09:00:31', '2026-03-02 09:00:31'),
	('conversation_bot_handoff', 30, 30, 1, 1, NULL, 1, '2026-03-02 09:00:00', '2026-03-02 09:00:30', '2026-03-02 09:00:31', '2026-03-02 09:00:31'),
	('first_response', 30, 30, 1, 1, 1, 1, '2026-03-02 09:00:30', '2026-03-02 09:01:00', '2026-03-02 09:01:01', '2026-03-02 09:01:01'),
	('reply_time', 120, 120, 1, 1, 1, 1, '2026-03-02 09:02:00', '2026-03-02 09:04:00', '2026-03-02 09:04:01', '2026-03-02 09:04:01'),
	('conversation_resolved', 300, 300, 1, 1, 1, 1, '2026-03-02 09:00:00', '2026-03-02 09:05:00', '2026-03-02 09:05:01', '2026-03-02 09:05:01'),
	('first_response', 234000, 3600, 1, 3, 2, 2, '2026-03-06 16:30:00', '2026-03-09 09:30:00', '2026-03-09 09:30:01', '2026-03-09 09:30:01'),
	('conversation_resolved', 235800, 5400, 1, 3, 2, 2, '2026-03-06 16:30:00', '2026-03-09 10:00:00', '2026-03-09 10:00:01', '2026-03-09 10:00:01'),
	('conversation_opened', 86400, 28800, 1, 3, 2, 2, '2026-03-09 10:00:00', '2026-03-10 10:00:00', '2026-03-10 10:00:01', '2026-03-10 10:00:01'),
	('reply_time', 1800, 1800, 1, 3, 3, 2, '2026-03-10 10:00:00', '2026-03-10 10:30:00', '2026-03-10 10:30:01', '2026-03-10 10:30:01'),
	('conversation_resolved', 325800, 37800, 1, 3, 3, 2, '2026-03-06 16:30:00', '2026-03-10 11:00:00', '2026-03-10 11:00:01', '2026-03-10 11:00:01'),
	('conversation_resolved', 86400, 0, 1, 4, NULL, 3, '2026-03-03 12:00:00', '2026-03-04 12:00:00', '2026-03-04 12:00:01', '2026-03-04 12:00:01'),
	('conversation_resolved', 120, 120, 1, 1, NULL, 4, '2026-03-03 10:00:00', '2026-03-03 10:02:00', '2026-03-03 10:02:01', '2026-03-03 10:02:01'),
	('conversation_bot_resolved', 120, 120, 1, 1, NULL, 4, '2026-03-03 10:00:00', '2026-03-03 10:02:00', '2026-03-03 10:02:01', '2026-03-03 10:02:01'),
	('first_response', 20, 0, 1, 4, 1, 6, '2026-03-04 10:00:00.3', '2026-03-04 10:00:20.2', '2026-03-04 10:00:21', '2026-03-04 10:00:21'),
	('conversation_resolved', 600, 0, 1, 4, 1, 6, '2026-03-04 10:00:00.3', '2026-03-04 10:10:00', '2026-03-04 10:10:01', '2026-03-04 10:10:01'),
	('conversation_captain_inference_resolved', 60, NULL, 1, 1, NULL, 4, '2026-03-03 10:00:00', '2026-03-03 10:01:00', '2026-03-03 10:01:01', '2026-03-03 10:01:01'),
	('first_response', 2, 2, 1, 3, 2, 7, '2026-03-11 10:00:00', '2026-03-11 10:00:02', '2026-03-11 10:00:03', '2026-03-11 10:00:03'),
	('reply_time', 3600, 3600, 1, 3, 2, 7, '2026-03-11 14:00:00', '2026-03-11 15:00:00', '2026-03-11 15:00:01', '2026-03-11 15:00:01'),
	('conversation_resolved', 21600, 21600, 1, 3, 2, 7, '2026-03-11 10:00:00', '2026-03-11 16:00:00', '2026-03-11 16:00:01', '2026-03-11 16:00:01');
INSERT INTO cw_tiny.csat_survey_responses (account_id, conversation_id, message_id, rating, contact_id, assigned_agent_id,
	created_at, updated_at) VALUES (1, 1, 12, 5, 1, 1, '2026-03-02 09:06:00', '2026-03-02 09:06:00');

-- 1-4: the function, its views and their comments
SELECT is((SELECT array_agg(v::text) FROM create_chatwoot_views('cw_tiny', 'cw_tiny_kpi') v),
	ARRAY['cw_tiny_kpi.business_calendars', 'cw_tiny_kpi.contact_events', 'cw_tiny_kpi.contact_facts',
	      'cw_tiny_kpi.monthly_report', 'cw_tiny_kpi.operator_monthly', 'cw_tiny_kpi.cross_check_detail',
	      'cw_tiny_kpi.cross_check'],
	'create_chatwoot_views returns its seven views in creation order');
SELECT is((SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'cw_tiny_kpi' AND c.relkind = 'v' AND obj_description(c.oid, 'pg_class') IS NOT NULL
             AND c.reloptions @> ARRAY['security_invoker=true']), 7::bigint,
	'every view has a comment and is security_invoker');
SELECT is((SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'cw_tiny_kpi' AND a.attnum > 0 AND NOT a.attisdropped
             AND col_description(c.oid, a.attnum) IS NULL), 0::bigint,
	'every column of every view has a comment');
-- the contract of contact_facts (docs/your-data.md): names, order, types
SELECT is(columns_of('cw_tiny_kpi.contact_facts'), contact_facts_contract(),
	'contact_facts has the contract''s columns, in order, with their types');

-- 5-12: the mapping rules, by hand
SELECT is((SELECT string_agg(kind || '/' || coalesce(party::text, '-') || '/' || coalesce(operator_id, '-'), ' '
                             ORDER BY at, kind)
           FROM cw_tiny_kpi.contact_events WHERE contact_id = 1),
	'customer_message/-/- bot_message/-/- offered/bot/- operator_message/-/1 customer_message/-/- '
	'customer_message/-/- bot_message/-/- operator_message/-/1 resolved/operator/1',
	'conversation 1: greeting template, activity and private note ignored, the automation message is a bot message, '
	'the handoff is the offer');
SELECT is((SELECT string_agg(kind || '/' || coalesce(party::text, '-') || '/' || coalesce(operator_id, '-'), ' '
                             ORDER BY at, kind)
           FROM cw_tiny_kpi.contact_events WHERE contact_id IN (2, 4)),
	'customer_message/-/- bot_message/-/- bot_message/-/- resolved/bot/- offered/system/- customer_message/-/- '
	'operator_message/-/2 resolved/operator/2 customer_message/-/- reopened/system/- operator_message/-/3 '
	'bot_message/-/- resolved/operator/3',
	'conversations 2 and 4: the bot-resolved chat is not offered and resolved by the bot; a campaign message is '
	'automated; a conversation_opened after a resolution is a reopen, the captain inference event is ignored');
SELECT is((SELECT string_agg(format('%s:%s:%s:%s:%s:%s:%s:%s:%s', contact_id, coalesce(operator_id, '-'),
                                    coalesce(wait_seconds::text, '-'), coalesce(answered::text, '-'),
                                    coalesce(frt_seconds::text, '-'), coalesce(art_seconds::text, '-'),
                                    coalesce(handle_seconds::text, '-'), coalesce(transferred::text, '-'), channel),
                             ' ' ORDER BY contact_id)
           FROM cw_tiny_kpi.contact_facts),
	'1:1:30:true:60:90:240:false:chat 2:2:234000:true:234000:117900:1800:true:email 3:-:-:false:-:-:-:-:chat '
	'4:-:-:-:-:-:-:-:chat 5:-:-:-:-:-:-:-:chat 6:1:19.9:true:19.8:19.8:579.8:false:chat 7:2:-:-:3600:3600:21598:-:email',
	'operator, wait, answered (NULL: bot only, still waiting, or outbound), FRT, ART, handle, transferred, channel');
SELECT is((SELECT string_agg(format('%s:%s:%s:%s:%s:%s', contact_id, resolved, coalesce(to_char(resolved_at, 'DD HH24:MI'), '-'),
                                    coalesce(first_contact_resolved::text, '-'), coalesce(repeat_of::text, '-'),
                                    coalesce(rating::text, '-')), ' ' ORDER BY contact_id)
           FROM cw_tiny_kpi.contact_facts),
	'1:t:02 09:05:false:-:5 2:t:10 11:00:false:-:- 3:t:04 12:00:-:-:- 4:t:03 10:02:true:-:- '
	'5:f:-:-:-:- 6:t:04 10:10:false:1:- 7:t:11 16:00:true:-:-',
	'resolved at the last resolution; FCR false after a reopen, for a repeat and its predecessor, NULL when abandoned; '
	'the bot-contained chat and the outbound e-mail are resolved at first contact; the CSAT rating');
SELECT is((SELECT format('%s|%s|%s|%s|%s', to_char(arrived_at, 'DD HH24:MI:SS'), coalesce(offered_at::text, '-'),
                         to_char(answered_at, 'DD HH24:MI:SS'), coalesce(answered::text, '-'), coalesce(wait_seconds::text, '-'))
           || ' ' || (SELECT string_agg(kind::text, ' ' ORDER BY at) FROM cw_tiny_kpi.contact_events WHERE contact_id = 7)
           FROM cw_tiny_kpi.contact_facts WHERE contact_id = 7),
	'11 14:00:00|-|11 15:00:00|-|- operator_message customer_message operator_message resolved',
	'outbound (Boris wrote first; the private note before does not count): not offered, answered NULL, answered_at '
	'the first reply after the customer''s first message, never the opening message');
SELECT is((SELECT string_agg(inbox_id || '=' || calendar::text || '|' || chatwoot_calendar::text, ' ' ORDER BY inbox_id)
           FROM cw_tiny_kpi.business_calendars),
	'1=UTC; Mon-Fri 09:00-17:00|UTC; Mon-Fri 09:00-17:00 2=UTC; Mon-Fri 00:00-24:00; Sat 09:00-13:00|UTC; Mon-Fri 00:00-23:59; Sat 09:00-13:00 '
	'3=UTC; Mon-Fri 09:00-17:00|UTC; Mon-Fri 09:00-17:00',
	'business calendars from working_hours and timezone; an inbox without working hours has none');
SELECT is((SELECT format('%s %s %s %s %s %s %s', conversations, offered, answered, abandoned, bot_resolved, with_bot, outbound)
           FROM cw_tiny_kpi.monthly_report WHERE channel = '(all)'),
	'7 4 3 1 1 0 1', 'monthly report: 7 conversations, 4 offered and done (3 answered, 1 abandoned), 1 bot-resolved, 1 outbound');
SELECT is((SELECT format('%s %s %s %s %s', offered, frt_median_seconds, frt_business_median_seconds, resolution_median_seconds, csat_pct)
           FROM cw_tiny_kpi.monthly_report WHERE inbox = 'Support e-mail'),
	'1 118800 3600 166500 ', 'e-mail: the outbound one not offered; FRT 65 h (Friday 16:30 to Monday 09:30, one working hour) '
	'and 1 h (the customer''s answer to the reply); resolution to the last resolution (90.5 h) and from the customer''s answer (2 h)');
SELECT is((SELECT string_agg(format('%s %s %s %s %s', operator_id, operator_name, answered, outbound, round(frt_median_seconds::numeric, 6)::float8), ', ' ORDER BY operator_id)
           FROM cw_tiny_kpi.operator_monthly),
	'1 Anna 2 0 39.9, 2 Boris 1 1 118800', 'per agent: the first replier, and the agent who started an outbound conversation');

-- 13-15: cross-check on the fixture
SELECT is((SELECT string_agg(format('%s %s %s %s %s %s', contact_id, figure, round(ours::numeric, 6)::float8, theirs,
                                    round(difference::numeric, 6)::float8, coalesce(rule, '-')),
                             ', ' ORDER BY contact_id, figure, theirs)
           FROM cw_tiny_kpi.cross_check),
	'1 conversation_resolved 300 300 0 -, 1 conversation_resolved_business 300 300 0 -, '
	'1 first_response 60 30 30 bot_handoff_start, 1 first_response_business 60 30 30 bot_handoff_start, '
	'1 reply_time 120 120 0 -, 1 reply_time_business 120 120 0 -, '
	'2 conversation_resolved 325800 235800 90000 reopened_later, 2 conversation_resolved 325800 325800 0 -, '
	'2 conversation_resolved_business 37800 5400 32400 reopened_later, 2 conversation_resolved_business 37800 37800 0 -, '
	'2 first_response 234000 234000 0 -, 2 first_response_business 3600 3600 0 -, '
	'2 reply_time 1800 1800 0 -, 2 reply_time_business 1800 1800 0 -, '
	'3 conversation_resolved 86400 86400 0 -, 4 conversation_resolved 120 120 0 -, '
	'4 conversation_resolved_business 120 120 0 -, '
	'6 conversation_resolved 599.6 600 -0.4 whole_seconds, 6 first_response 19.8 20 -0.2 whole_seconds, '
	'7 conversation_resolved 7200 21600 -14400 conversation_created_start, '
	'7 conversation_resolved_business 7200 21600 -14400 conversation_created_start, '
	'7 first_response 3600 2 3598 agent_started, 7 first_response_business 3600 2 3598 agent_started, '
	'7 reply_time 3600 3600 0 -, 7 reply_time_business 3600 3600 0 -',
	'cross-check on the fixture: the bot handoff, the reopen, whole seconds, the outbound e-mail; no business rows '
	'without working hours');
SELECT is((SELECT count(*) FROM cw_tiny_kpi.cross_check_detail WHERE abs(residual) > bound + 1e-6), 0::bigint,
	'every difference of the fixture is explained within its bound');
SELECT is((SELECT format('%s %s %s', start_shift, end_shift, round(residual::numeric, 6)::float8) FROM cw_tiny_kpi.cross_check_detail
           WHERE contact_id = 6 AND figure = 'first_response'),
	'-0.1 0 -0.1', 'the conversation created 0.1 s before its first message: the start shift, and the whole seconds');
-- a tampered stored figure: the difference stays, no rule explains it
UPDATE cw_tiny.reporting_events SET value = value + 500 WHERE conversation_id = 6 AND name = 'first_response';
SELECT is((SELECT format('%s %s %s', round(difference::numeric, 6)::float8, coalesce(rule, '-'), round(residual::numeric, 6)::float8)
           FROM cw_tiny_kpi.cross_check_detail WHERE contact_id = 6 AND figure = 'first_response'),
	'-500.2 - -500.1', 'a stored figure 500 s off: unexplained (rule NULL), the residual far beyond the bound');
UPDATE cw_tiny.reporting_events SET value = value - 500 WHERE conversation_id = 6 AND name = 'first_response';

-- 16-18: an empty source
SELECT is((SELECT count(*) FROM create_chatwoot_views('cw_empty', 'cw_empty_kpi')), 7::bigint, 'views over an empty source');
SELECT is((SELECT (SELECT count(*) FROM cw_empty_kpi.contact_events) + (SELECT count(*) FROM cw_empty_kpi.contact_facts)
                + (SELECT count(*) FROM cw_empty_kpi.monthly_report) + (SELECT count(*) FROM cw_empty_kpi.operator_monthly)
                + (SELECT count(*) FROM cw_empty_kpi.cross_check)), 0::bigint, 'an empty source gives empty views');
SELECT is((SELECT count(*) FROM cw_empty_kpi.business_calendars), 3::bigint,
	'an empty source still has its inboxes'' calendars');

-- 19-26: bad arguments
SELECT is(run_error($$SELECT create_chatwoot_views('no_such_schema')$$),
	'3F000 create_chatwoot_views: schema "no_such_schema" does not exist', 'a missing source schema');
CREATE SCHEMA cw_broken;
CREATE TABLE cw_broken.conversations (id integer, inbox_id integer, status integer, assignee_id integer,
	contact_id bigint, created_at timestamp);
SELECT is(run_error($$SELECT create_chatwoot_views('cw_broken', 'cw_broken_kpi')$$),
	'42P01 create_chatwoot_views: table cw_broken.messages does not exist', 'a missing table');
ALTER TABLE cw_broken.conversations DROP COLUMN status;
SELECT is(run_error($$SELECT create_chatwoot_views('cw_broken', 'cw_broken_kpi')$$),
	'42703 create_chatwoot_views: column cw_broken.conversations.status does not exist', 'a missing column');
SELECT is(run_error($$SELECT create_chatwoot_views('cw_tiny', 'x', 'Europe/Mosow')$$),
	'22023 create_chatwoot_views: time zone "Europe/Mosow" not recognized', 'an unknown time zone');
SELECT is(run_error($$SELECT create_chatwoot_views('cw_tiny', 'x', 'UTC', '{"chat": 0, "*": 60}')$$),
	'22023 create_chatwoot_views: the threshold of channel "chat" must be a finite number of seconds above 0, not 0',
	'a zero threshold');
SELECT is(run_error($$SELECT create_chatwoot_views('cw_tiny', 'x', 'UTC', '{"chat": 1e400, "*": 60}')$$),
	'22023 create_chatwoot_views: the threshold of channel "chat" must be a finite number of seconds above 0, not 10000000000000000000...',
	'a threshold beyond double precision: the same clean error (the check create_zammad_views shares)');
SELECT is(run_error($$SELECT create_chatwoot_views('cw_tiny', 'x', 'UTC', '{"chat": 60, "email": 3600}')$$),
	'22023 create_chatwoot_views: thresholds has no entry for channel "call" and no "*" entry',
	'a channel without a threshold');
SELECT is(run_error($$SELECT create_chatwoot_views('cw_tiny', NULL)$$),
	'22004 create_chatwoot_views: source_schema and into_schema must not be NULL', 'a NULL schema');
SELECT is(run_error($$SELECT create_chatwoot_views('cw_tiny', 'cw_tiny')$$),
	'22023 create_chatwoot_views: into_schema must differ from source_schema "cw_tiny"', 'into the source schema');
SELECT is(run_error($$SELECT create_chatwoot_views('cw_tiny', 'x', 'UTC', repeat_within => '-1 day')$$),
	'22023 create_chatwoot_views: repeat_within must be a positive interval, not -1 days', 'a negative repeat window');
SELECT ok(to_regnamespace('x') IS NULL AND to_regnamespace('cw_broken_kpi') IS NULL,
	'a failed call creates nothing');

-- 28-29: twice, and the dependencies
SELECT is((SELECT array_agg(v::text) FROM create_chatwoot_views('cw_tiny', 'cw_tiny_kpi') v),
	(SELECT array_agg('cw_tiny_kpi.' || x) FROM unnest(ARRAY['business_calendars', 'contact_events', 'contact_facts',
	 'monthly_report', 'operator_monthly', 'cross_check_detail', 'cross_check']) x),
	'a second call replaces the same views');
SELECT is((SELECT count(DISTINCT d.refobjid) FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid AND d.classid = 'pg_rewrite'::regclass
           JOIN pg_class v ON v.oid = r.ev_class JOIN pg_namespace vn ON vn.oid = v.relnamespace
           WHERE vn.nspname = 'cw_tiny_kpi' AND d.refobjid <> v.oid
             AND NOT (d.refclassid = 'pg_class'::regclass
                      AND (SELECT relnamespace FROM pg_class WHERE oid = d.refobjid)
                          IN ('cw_tiny'::regnamespace, 'cw_tiny_kpi'::regnamespace, 'pg_catalog'::regnamespace))
             AND NOT (d.refclassid = 'pg_proc'::regclass
                      AND ((SELECT pronamespace FROM pg_proc WHERE oid = d.refobjid) = 'pg_catalog'::regnamespace
                           OR EXISTS (SELECT FROM pg_depend e WHERE e.objid = d.refobjid AND e.deptype = 'e'
                                      AND e.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi'))))
             AND NOT (d.refclassid = 'pg_type'::regclass
                      AND ((SELECT typnamespace FROM pg_type WHERE oid = d.refobjid) = 'pg_catalog'::regnamespace
                           OR EXISTS (SELECT FROM pg_depend e WHERE e.objid = d.refobjid AND e.deptype = 'e'
                                      AND e.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi'))))
             AND NOT (d.refclassid IN ('pg_operator'::regclass, 'pg_collation'::regclass)
                      AND d.refobjid < 16384)),
	0::bigint, 'the views depend only on pg_catalog, the extension, the source schema and their own schema');

-- The generated month (300 conversations) in schema chatwoot
\set chatwoot_conversations 300
\i examples/sources/chatwoot.sql
SET client_min_messages = warning;
SELECT create_chatwoot_views('chatwoot') \g /dev/null
SELECT md5(string_agg(format('%s|%s|%s|%s|%s', name, value, value_in_business_hours, event_start_time, event_end_time), ',' ORDER BY id))
	AS first_md5 FROM chatwoot.reporting_events \gset

-- 30-33: the plain-SQL month against monthly_report (per inbox)
CREATE TABLE plain AS
WITH m AS (
	SELECT m.*, m.created_at AT TIME ZONE 'UTC' AS at,
	       m.message_type = 1 AND m.sender_type = 'User' AND NOT m.private
	       AND m.content_attributes ->> 'automation_rule_id' IS NULL AND m.additional_attributes ->> 'campaign_id' IS NULL AS human
	FROM chatwoot.messages m),
conv AS (
	SELECT c.id, i.name AS inbox, c.status,
	       (SELECT min(at) FROM m WHERE m.conversation_id = c.id AND m.message_type = 0) AS first_in,
	       (SELECT min(at) FROM m WHERE m.conversation_id = c.id AND m.human) AS first_human,
	       (SELECT min(event_end_time) AT TIME ZONE 'UTC' FROM chatwoot.reporting_events r
	        WHERE r.conversation_id = c.id AND r.name = 'conversation_bot_handoff') AS handoff,
	       EXISTS (SELECT FROM m WHERE m.conversation_id = c.id AND m.sender_type = 'AgentBot') AS had_bot,
	       c.created_at AT TIME ZONE 'UTC' AS created,
	       (SELECT max(event_end_time) AT TIME ZONE 'UTC' FROM chatwoot.reporting_events r
	        WHERE r.conversation_id = c.id AND r.name = 'conversation_resolved') AS last_resolved,
	       (SELECT rating FROM chatwoot.csat_survey_responses s WHERE s.conversation_id = c.id) AS rating
	FROM chatwoot.conversations c JOIN chatwoot.inboxes i ON i.id = c.inbox_id),
k AS (
	SELECT conv.*, CASE WHEN first_human < coalesce(first_in, 'infinity') THEN NULL  -- outbound: an agent wrote first
	                    WHEN handoff IS NOT NULL THEN handoff WHEN NOT had_bot OR first_human IS NOT NULL THEN created END AS offered,
	       (SELECT min(at) FROM m WHERE m.conversation_id = conv.id AND m.human AND m.at >= conv.first_in) - first_in AS frt
	FROM conv)
SELECT inbox, count(*) AS conversations,
       count(*) FILTER (WHERE offered IS NOT NULL AND (first_human IS NOT NULL OR status = 1)) AS offered,
       count(*) FILTER (WHERE offered IS NOT NULL AND first_human IS NOT NULL) AS answered,
       count(*) FILTER (WHERE first_human IS NULL AND offered IS NOT NULL AND status = 1) AS abandoned,
       round(100.0 * count(*) FILTER (WHERE offered IS NOT NULL AND first_human IS NOT NULL
                                      AND extract(epoch FROM first_human - offered)
                                      <= CASE WHEN inbox = 'Support e-mail' THEN 14400 ELSE 60 END)
             / nullif(count(*) FILTER (WHERE offered IS NOT NULL AND (first_human IS NOT NULL OR status = 1)), 0), 2) AS sl_pct,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM frt)::double precision) AS frt_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM frt)::double precision) AS frt_p90,
       round(100.0 * count(*) FILTER (WHERE rating >= 4) / nullif(count(rating), 0), 2) AS csat_pct,
       count(rating) AS ratings
FROM k GROUP BY inbox;
SELECT is(mismatches('plain', $$(SELECT inbox, conversations, offered, answered, abandoned, sl_pct, frt_median_seconds,
	frt_p90_seconds, csat_pct, ratings FROM chatwoot_kpi.monthly_report WHERE inbox <> '(all)') r$$), 0::bigint,
	'the generated month: counts, service level, exact FRT median and p90, CSAT per inbox equal plain SQL');
SELECT is((SELECT conversations FROM chatwoot_kpi.monthly_report WHERE inbox = '(all)'), 300::bigint,
	'the month''s total row counts every conversation');
SELECT ok((SELECT count(*) FROM chatwoot_kpi.monthly_report WHERE inbox <> '(all)') = 4
	AND (SELECT bool_and((frt_business_median_seconds IS NULL) = (inbox = 'Partner API')) FROM chatwoot_kpi.monthly_report
	     WHERE inbox <> '(all)'), 'four inboxes; no business-hours figures for the inbox without working hours');
SELECT is((SELECT sum(answered)::bigint FROM chatwoot_kpi.operator_monthly),
	(SELECT answered FROM chatwoot_kpi.monthly_report WHERE inbox = '(all)'), 'the agents'' rows add up to the answered conversations');

-- 34-41: the cross-check of the generated month
SELECT is((SELECT count(*) FROM chatwoot_kpi.cross_check WHERE rule IS NULL AND difference IS DISTINCT FROM 0), 0::bigint,
	'every difference of the generated month has a rule');
SELECT is((SELECT count(*) FROM chatwoot_kpi.contact_facts WHERE answered_at < arrived_at OR offered_at IS NULL AND answered IS NOT NULL),
	0::bigint, 'no answered_at before arrived_at; not offered (bot only, outbound) is never answered nor abandoned');
-- a tampered stored figure of the generated month: one unexplained row
UPDATE chatwoot.reporting_events SET value = value + 500
WHERE id = (SELECT min(id) FROM chatwoot.reporting_events WHERE name = 'first_response');
SELECT is((SELECT format('%s %s', count(*), min(round(difference)))
           FROM chatwoot_kpi.cross_check WHERE rule IS NULL AND difference <> 0 AND figure = 'first_response'), '1 -500',
	'a first_response value raised by 500 s: that row unexplained (rule NULL), not whole_seconds');
UPDATE chatwoot.reporting_events SET value = value - 500
WHERE id = (SELECT min(id) FROM chatwoot.reporting_events WHERE name = 'first_response');
SELECT is((SELECT count(*) FROM chatwoot_kpi.cross_check_detail WHERE abs(residual) > bound + 1e-6), 0::bigint,
	'every difference is its parts (clock starts and ends, calendar) plus Chatwoot''s whole or rounded seconds');
SELECT is((SELECT count(*) FROM chatwoot_kpi.cross_check_detail WHERE rule = 'whole_seconds' AND abs(start_shift) >= 1), 0::bigint,
	'whole_seconds: the clocks start within a second of each other');
SELECT is((SELECT count(*) FROM chatwoot_kpi.cross_check_detail WHERE rule = 'bot_handoff_start'
           AND NOT (difference > 0 AND start_shift >= 1)), 0::bigint,
	'bot_handoff_start: ours is longer by the bot''s part');
SELECT is((SELECT count(*) FROM chatwoot_kpi.cross_check_detail WHERE rule = 'all_day_until_2359'
           AND NOT (abs(calendar_part / 60 - round(calendar_part / 60)) < 1e-6 AND calendar_part > 0)), 0::bigint,
	'all_day_until_2359: whole minutes, one per all-day midnight crossed');
SELECT is((SELECT count(*) FROM chatwoot_kpi.cross_check_detail WHERE rule IN ('reopened_later', 'resolution_cleared_wait')
           AND NOT difference > 0), 0::bigint, 'reopened_later and resolution_cleared_wait: ours is longer');
SELECT is((SELECT string_agg(figure || ' ' || coalesce(rule, '=') || ' ' || n, ', ' ORDER BY figure, rule NULLS FIRST)
           FROM (SELECT figure, rule, count(*) AS n FROM chatwoot_kpi.cross_check GROUP BY figure, rule) x),
	'conversation_resolved = 5, conversation_resolved conversation_created_start 6, conversation_resolved reopened_later 26, '
	'conversation_resolved whole_seconds 267, conversation_resolved_business = 26, '
	'conversation_resolved_business all_day_until_2359 16, conversation_resolved_business conversation_created_start 2, '
	'conversation_resolved_business reopened_later 19, conversation_resolved_business rounded_seconds 194, '
	'first_response agent_started 6, first_response bot_handoff_start 70, first_response no_customer_turn 2, '
	'first_response whole_seconds 155, first_response_business = 1, first_response_business agent_started 6, '
	'first_response_business bot_handoff_start 45, first_response_business no_customer_turn 2, '
	'first_response_business rounded_seconds 140, reply_time resolution_cleared_wait 10, reply_time whole_seconds 341, '
	'reply_time_business resolution_cleared_wait 6, reply_time_business rounded_seconds 268',
	'how many rows each rule explains');
SELECT is((SELECT count(*) FROM chatwoot_kpi.cross_check_detail d JOIN chatwoot_kpi.contact_facts f USING (contact_id)
           WHERE (d.rule IN ('agent_started', 'conversation_created_start', 'no_customer_turn'))
                 <> (f.offered_at IS NULL AND f.operator_id IS NOT NULL AND d.figure NOT LIKE 'reply_time%'
                     AND (d.figure LIKE 'first_response%' OR abs(d.start_shift) >= 1))), 0::bigint,
	'agent_started, conversation_created_start and no_customer_turn: exactly the outbound conversations'' first responses '
	'and their resolutions timed from the creation, hours before the customer''s first message');
SELECT is((SELECT count(*) FROM chatwoot_kpi.cross_check), (SELECT count(*) FROM chatwoot.reporting_events
           WHERE name IN ('first_response', 'reply_time', 'conversation_resolved'))
           + (SELECT count(*) FROM chatwoot.reporting_events r JOIN chatwoot.conversations c ON c.id = r.conversation_id
              WHERE r.name IN ('first_response', 'reply_time', 'conversation_resolved') AND c.inbox_id <> 4),
	'one row per stored figure, and one per business-hours figure of an inbox with working hours');

-- 42-45: the cookbook's bi.contacts_monthly over contact_facts
\set cookbook `perl -e 'open my $fh, "<", "docs/cookbook.md" or die; my ($in, $b) = (0, ""); while (<$fh>) { if (!$in && /^\x60\x60\x60sql\s*$/) { $in = 1; $b = ""; next } if ($in && /^\x60\x60\x60\s*$/) { print $b if $b =~ /CREATE VIEW bi\.contacts_monthly/; $in = 0; next } $b .= $_ if $in }'`
DROP SCHEMA IF EXISTS bi CASCADE;
CREATE SCHEMA bi;
SET search_path = chatwoot_kpi, public;
:cookbook
SET search_path = source_chatwoot, public;
SELECT ok(to_regclass('bi.contacts_monthly') IS NOT NULL, 'the cookbook''s bi.contacts_monthly is created over contact_facts');
SELECT is((SELECT sum(contacts)::bigint FROM bi.contacts_monthly), 300::bigint, 'its contacts: every conversation');
SELECT is((SELECT format('%s %s %s', sum(offered), sum(answered), sum(abandoned)) FROM bi.contacts_monthly),
	(SELECT format('%s %s %s', offered, answered, abandoned) FROM chatwoot_kpi.monthly_report WHERE inbox = '(all)'),
	'its offered, answered and abandoned sums equal the monthly report''s');
SELECT is((SELECT sum(ratings)::bigint FROM bi.contacts_monthly), (SELECT count(*) FROM chatwoot.csat_survey_responses),
	'its ratings: every CSAT answer');

-- 46-47: the generator is deterministic
\set chatwoot_conversations 300
\i examples/sources/chatwoot.sql
SET client_min_messages = warning;
SELECT is((SELECT md5(string_agg(format('%s|%s|%s|%s|%s', name, value, value_in_business_hours, event_start_time, event_end_time), ',' ORDER BY id))
           FROM chatwoot.reporting_events), :'first_md5', 'the generator gives the same month twice');
SELECT is((SELECT count(*) FROM chatwoot.conversations), 300::bigint, 'chatwoot_conversations sets the volume');

SELECT * FROM finish();
DROP SCHEMA bi CASCADE;
DROP SCHEMA chatwoot_kpi CASCADE;
DROP SCHEMA chatwoot CASCADE;
DROP SCHEMA cw_tiny_kpi CASCADE;
DROP SCHEMA cw_tiny CASCADE;
DROP SCHEMA cw_empty_kpi CASCADE;
DROP SCHEMA cw_empty CASCADE;
DROP SCHEMA cw_broken CASCADE;
DROP SCHEMA :"schema" CASCADE;

-- pgTAP: create_zammad_views over Zammad's tables (examples/sources/zammad.sql):
-- a hand-written fixture with every mapping rule worked out by hand, the
-- generated month against plain SQL over the same tables, the cross-check
-- against Zammad's stored figures, bad arguments, a second call, dependencies.
\set schema source_zammad
\ir helpers.psql

SELECT plan(62);
SET TimeZone = 'UTC';

-- ------------------------------------------------------------------------
-- the fixture: Zammad's tables and seed rows (no generated tickets), then by hand.
-- The calendar: Berlin, Mon-Fri 08:00-12:00 and 13:00-17:00, Sat 09:00-13:00
-- (in April: 06:00-10:00, 11:00-15:00 and Sat 07:00-11:00 UTC); 2026-04-13 is a Monday.
\set zm_schema zf
\set zm_tickets 0
\ir ../examples/sources/zammad.sql
SET search_path = zf, source_zammad, public;
INSERT INTO users (id, login) VALUES (101, 'c101'), (102, 'c102'), (103, 'c103'), (104, 'c104'), (105, 'c105'),
	(106, 'c106'), (107, 'c107');
-- tickets: id, group, state, owner, customer, created, first_response_at, first_response_in_min,
-- close_at, close_in_min, last_close_at, create type / sender, time_unit
INSERT INTO tickets (id, group_id, priority_id, state_id, number, title, owner_id, customer_id, created_at, updated_at,
	first_response_at, first_response_in_min, close_at, close_in_min, last_close_at,
	create_article_type_id, create_article_sender_id, time_unit, updated_by_id, created_by_id)
SELECT id, g, 2, st, id::text, 't' || id, ow, cu, cr, cr, fr, frm, ca, cim, lca, ty, snd, tu, 1, 1 FROM (VALUES
	-- 1: e-mail answered in 30 min, closed after 2 h
	(1, 1, 4, 2, 101, timestamp '2026-04-13 07:00', timestamp '2026-04-13 07:30', 30, timestamp '2026-04-13 09:00', 120, timestamp '2026-04-13 09:00', 1, 2, 15.0),
	-- 2: web form Friday 16:50 local, answered Monday 08:05:30.5 (255.5 working minutes), pending reminder
	--    Mon 08:06 - Tue 09:00 local (534 working minutes paused), closed Tue 10:00 local; moved Users -> Billing
	(2, 2, 4, 2, 102, '2026-04-17 14:50', '2026-04-20 06:05:30.5', 255, '2026-04-21 08:00', 316, '2026-04-21 08:00', 11, 2, NULL),
	-- 3: outbound call (the agent's article first), group without SLA, still open
	(3, 3, 2, 3, 103, '2026-04-14 09:00', '2026-04-14 09:00:00.12', NULL, NULL, NULL, NULL, 5, 1, NULL),
	-- 4: received call logged by the agent (sender Customer), answered by e-mail, closed, reopened, closed again
	(4, 1, 4, 2, 101, '2026-04-15 08:00', '2026-04-15 08:05', 5, '2026-04-15 08:06', 6, '2026-04-16 09:00', 5, 2, NULL),
	-- 5: closed without a reply
	(5, 1, 4, 2, 104, '2026-04-16 12:00', NULL, NULL, '2026-04-16 13:00', 60, '2026-04-16 13:00', 1, 2, NULL),
	-- 6: a duplicate merged into 1 (its article moved there)
	(6, 1, 5, 2, 101, '2026-04-13 08:40', NULL, NULL, NULL, NULL, NULL, 1, 2, NULL),
	-- 7: chat Saturday night, nobody replied yet
	(7, 2, 1, 1, 105, '2026-04-18 20:00', NULL, NULL, NULL, NULL, NULL, 3, 2, NULL),
	-- 8: imported: Zammad's first_response_at without the reply article
	(8, 3, 1, 1, 106, '2026-04-20 10:00', '2026-04-20 10:30', NULL, NULL, NULL, NULL, 1, 2, NULL),
	-- 9: closed without a reply after 10 min, the customer writes again, the reply comes after the close
	(9, 1, 2, 2, 107, '2026-04-20 07:00', '2026-04-20 08:30', 10, '2026-04-20 07:10', 10, '2026-04-20 07:10', 1, 2, NULL),
	-- 10: removed
	(10, 1, 6, 1, 101, '2026-04-13 10:00', NULL, NULL, NULL, NULL, NULL, 1, 2, NULL)
) v(id, g, st, ow, cu, cr, fr, frm, ca, cim, lca, ty, snd, tu);
-- articles: ticket, at, type (1 email, 3 chat, 5 phone, 10 note, 11 web), sender (1 Agent, 2 Customer, 3 System), internal, by
INSERT INTO ticket_articles (ticket_id, created_at, updated_at, type_id, sender_id, internal, created_by_id, updated_by_id, body)
SELECT t, at, at, ty, snd, i, b, b, 'x' FROM (VALUES
	(1, timestamp '2026-04-13 07:00:00.1', 1, 2, false, 101),
	(1, '2026-04-13 07:00:02', 1, 3, false, 1),       -- trigger auto-reply: bot
	(1, '2026-04-13 07:10', 10, 1, true, 3),          -- internal note: left out
	(1, '2026-04-13 07:15', 10, 1, false, 2),         -- public note: not a reply, left out
	(1, '2026-04-13 07:30', 1, 1, false, 2),          -- the first reply
	(1, '2026-04-13 08:00', 1, 2, false, 101),
	(1, '2026-04-13 08:10', 1, 2, true, 101),         -- a customer e-mail a filter made internal: left out
	(1, '2026-04-13 08:20', 1, 1, false, 2),
	(1, '2026-04-13 08:40', 1, 2, false, 101),        -- moved from 6 by the merge
	(2, '2026-04-17 14:50:00.1', 11, 2, false, 102),
	(2, '2026-04-20 06:05:30.5', 1, 1, false, 2),
	(2, '2026-04-21 07:00', 1, 2, false, 102),
	(2, '2026-04-21 07:30', 1, 1, false, 3),
	(3, '2026-04-14 09:00:00.12', 5, 1, false, 3),    -- the outbound call
	(3, '2026-04-14 10:00', 1, 2, false, 103),
	(3, '2026-04-14 10:10', 1, 1, false, 3),
	(4, '2026-04-15 08:00:00.12', 5, 2, false, 2),    -- received call, written by anna as the customer's
	(4, '2026-04-15 08:05', 1, 1, false, 2),
	(4, '2026-04-16 08:00', 1, 2, false, 101),
	(4, '2026-04-16 08:30', 1, 1, false, 2),
	(5, '2026-04-16 12:00:00.1', 1, 2, false, 104),
	(7, '2026-04-18 20:00:00.1', 3, 2, false, 105),
	(8, '2026-04-20 10:00:00.1', 1, 2, false, 106),
	(9, '2026-04-20 07:00:00.1', 1, 2, false, 107),
	(9, '2026-04-20 08:00', 1, 2, false, 107),
	(9, '2026-04-20 08:30', 1, 1, false, 2),
	(10, '2026-04-13 10:00:00.1', 1, 2, false, 101)
) v(t, at, ty, snd, i, b);
-- history: ticket, at, attribute (1 state, 2 group, 3 owner), from, to, ids, by
INSERT INTO histories (history_type_id, history_object_id, history_attribute_id, o_id, created_at, updated_at,
	value_from, value_to, id_from, id_to, created_by_id)
SELECT 2, 1, a, t, at, at, vf, vt, idf, idt, b FROM (VALUES
	(1, timestamp '2026-04-13 07:30:00.2', 1, 'new', 'open', 1, 2, 2),
	(1, '2026-04-13 07:30:00.2', 3, '-', 'anna', 1, 2, 2),
	(1, '2026-04-13 09:00', 1, 'open', 'closed', 2, 4, 2),
	(2, '2026-04-17 14:55', 2, 'Users', 'Billing', 1, 2, 2),
	(2, '2026-04-20 06:05:30.7', 1, 'new', 'open', 1, 2, 2),
	(2, '2026-04-20 06:05:30.7', 3, '-', 'anna', 1, 2, 2),
	(2, '2026-04-20 06:06', 1, 'open', 'pending reminder', 2, 3, 2),
	(2, '2026-04-21 07:00:00.4', 1, 'pending reminder', 'open', 3, 2, 102),
	(2, '2026-04-21 08:00', 1, 'open', 'closed', 2, 4, 3),
	(3, '2026-04-14 09:00:00.3', 1, 'new', 'open', 1, 2, 3),
	(3, '2026-04-14 09:00:00.3', 3, '-', 'boris', 1, 3, 3),
	(4, '2026-04-15 08:05:00.2', 1, 'new', 'open', 1, 2, 2),
	(4, '2026-04-15 08:05:00.2', 3, '-', 'anna', 1, 2, 2),
	(4, '2026-04-15 08:06', 1, 'open', 'closed', 2, 4, 2),
	(4, '2026-04-16 08:00:00.4', 1, 'closed', 'open', 4, 2, 101),
	(4, '2026-04-16 09:00', 1, 'open', 'closed', 2, 4, 2),
	(5, '2026-04-16 13:00', 1, 'new', 'closed', 1, 4, 2),
	(6, '2026-04-13 09:00', 1, 'new', 'merged', 1, 5, 2),
	(9, '2026-04-20 07:10', 1, 'new', 'closed', 1, 4, 2),
	(9, '2026-04-20 08:00:00.4', 1, 'closed', 'open', 4, 2, 107),
	(9, '2026-04-20 08:30:00.2', 3, '-', 'anna', 1, 2, 2),
	(10, '2026-04-13 11:00', 1, 'new', 'removed', 1, 6, 2)
) v(t, at, a, vf, vt, idf, idt, b);

SELECT is((SELECT string_agg(v::text, ' ' ORDER BY n) FROM create_zammad_views('zf', 'zk', time_unit_seconds => 60) WITH ORDINALITY r(v, n)),
	'zk.ticket_figures zk.contact_events zk.contact_facts zk.monthly_report zk.operator_monthly zk.cross_check',
	'create_zammad_views returns its six views in creation order');
SELECT is((SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'zk'::regnamespace AND c.relkind = 'v'
	AND obj_description(c.oid, 'pg_class') IS NOT NULL AND 'security_invoker=true' = ANY (c.reloptions)), 6::bigint,
	'six security_invoker views, each with a comment');
SELECT is((SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
	WHERE c.relnamespace = 'zk'::regnamespace AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NULL), 0::bigint,
	'a comment on every column');
SELECT is(columns_of('zk.contact_facts'), contact_facts_contract(),
	'contact_facts: the contract''s columns, order and types');
SELECT is((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
	FROM pg_attribute a WHERE a.attrelid = 'zk.contact_events'::regclass AND a.attnum > 0),
	'contact_id bigint, at timestamp with time zone, kind contact_event_kind, party contact_party, operator_id text',
	'contact_events: the contract''s columns');

-- the mapping, ticket by ticket
SELECT is((SELECT string_agg(contact_id::text, ',' ORDER BY contact_id) FROM zk.contact_facts), '1,2,3,4,5,7,8,9',
	'merged (6) and removed (10) tickets are left out');
SELECT is((SELECT string_agg(array_to_string(ARRAY[(contact_id)::text, (channel)::text, (queue)::text, (operator_id)::text, (answered)::text, (wait_seconds)::text, (offered_at IS NOT NULL)::text], '|', ''),
	' ' ORDER BY contact_id) FROM zk.contact_facts),
	'1|email|Users|anna|true|1800|true 2|web|Billing|anna|true|227730.5|true 3|phone|Sales|boris|||false '
	'4|phone|Users|anna|true|300|true 5|email|Users||false|3600|true 7|chat|Billing||||true 8|email|Sales||||true '
	'9|email|Users|anna|true|5400|true',
	'channel from the first article''s type, group, operator, answered (NULL: waiting or outbound), wall-clock wait');
SELECT is((SELECT string_agg(array_to_string(ARRAY[(contact_id)::text, (frt_seconds)::text, (art_seconds)::text], '|', ''), ' ' ORDER BY contact_id) FROM zk.contact_facts),
	'1|1799.9|1499.95 2|227730.4|114765.2 3|600|600 4|299.88|1049.94 5|| 7|| 8|| 9|5399.9|5399.9',
	'FRT and ART from the customer''s messages and the agents'' replies (notes, internal and bot articles left out)');
SELECT is((SELECT string_agg(array_to_string(ARRAY[(contact_id)::text, (resolved)::text, (resolved_at)::text, (first_contact_resolved)::text, (repeat_of)::text, (transferred)::text, (handle_seconds)::text], '|', ''),
	' ' ORDER BY contact_id) FROM zk.contact_facts),
	'1|true|2026-04-13 09:00:00+00|false||false|900 2|true|2026-04-21 08:00:00+00|true||true| 3|false||false||false| '
	'4|true|2026-04-16 09:00:00+00|false|1|false| 5|true|2026-04-16 13:00:00+00|||| 7|false||||| 8|false||||| '
	'9|false||false||false|',
	'resolution at the last close, FCR (a repeat within 7 days, a reopen; NULL closed without a reply or still waiting), transfers, accounted time');
SELECT is((SELECT string_agg(array_to_string(ARRAY[(kind)::text, (party)::text, (operator_id)::text], '|', ''), ' ' ORDER BY at, kind) FROM zk.contact_events WHERE contact_id = 1),
	'offered|system| customer_message|customer| bot_message|bot| operator_message|operator|anna assigned|operator|anna '
	'customer_message|customer| operator_message|operator|anna customer_message|customer| resolved|operator|anna',
	'ticket 1''s events: notes and internal articles left out, the auto-reply a bot message, the merged article kept');
SELECT is((SELECT string_agg(array_to_string(ARRAY[(contact_id)::text, (kind)::text, (party)::text, (operator_id)::text], '|', ''), ' ' ORDER BY contact_id, at, kind) FROM zk.contact_events
	WHERE kind IN ('transferred', 'resolved', 'reopened') AND contact_id IN (2, 4, 9)),
	'2|transferred|operator|anna 2|resolved|operator|boris 4|resolved|operator|anna 4|reopened|customer| 4|resolved|operator|anna '
	'9|resolved|operator|anna 9|reopened|customer|',
	'group changes are transfers; closes and reopens from the state history (pending states are neither)');
SELECT is((SELECT string_agg(array_to_string(ARRAY[(contact_id)::text, (frt_business_seconds)::text, (resolution_business_seconds)::text, (frt_paused_seconds)::text, (close_paused_seconds)::text, (frt_after_close_seconds)::text, (reopened_seconds)::text], '|', ''), ' ' ORDER BY contact_id) FROM zk.ticket_figures WHERE contact_id IN (1, 2, 4, 9)),
	'1|1800|7200|0|0|0|0 2|15330.5|51000|0|32040.4|0|0 4|300|32400|0|0|0|32040 9|5400||0|0|4800|0',
	'business seconds: Friday evening to Monday, the pending reminder, a reopen, a reply after the close');

-- the cross-check, worked out by hand
SELECT is((SELECT string_agg(array_to_string(ARRAY[(contact_id)::text, (figure)::text, (round(ours::numeric, 4))::text, (theirs)::text, (round(difference::numeric, 4))::text, (rule)::text], '|', ''), ' '
	ORDER BY figure, contact_id) FROM zk.cross_check),
	'1|close_in_min|120.0000|120|0.0000| 2|close_in_min|850.0000|316|534.0000|pending_paused 4|close_in_min|540.0000|6|534.0000|reopened '
	'5|close_in_min|60.0000|60|0.0000| 9|close_in_min||10||reopened 1|first_response_at|1776065400.0000|1776065400|0.0000| '
	'2|first_response_at|1776665130.5000|1776665130.5|0.0000| 3|first_response_at|1776157200.1200|1776157200.12|0.0000| '
	'4|first_response_at|1776240300.0000|1776240300|0.0000| 8|first_response_at||1776681000||reply_not_found '
	'9|first_response_at|1776673800.0000|1776673800|0.0000| 1|first_response_in_min|30.0000|30|0.0000| '
	'2|first_response_in_min|255.5083|255|0.5083|whole_minutes 4|first_response_in_min|5.0000|5|0.0000| '
	'9|first_response_in_min|90.0000|10|80.0000|capped_at_close',
	'fixture cross-check: every figure Zammad stored, with the rule of each difference');

-- the monthly report of the fixture
SELECT is((SELECT array_to_string(ARRAY[(tickets)::text, (offered)::text, (answered)::text, (abandoned)::text, (sl_pct)::text, (abandon_rate)::text, (asa_seconds)::text, (aht_seconds)::text, (frt_median_seconds)::text, (resolution_median_seconds)::text, (fcr_pct)::text, (transfer_pct)::text, (reopen_pct)::text], '|', '')
	FROM zk.monthly_report WHERE channel = 'all'),
	'8|5|4|1|60.00|20.00|58807.6|900|1799.9|48600|20.00|20.00|40.00',
	'fixture month: counts, SL 4 h (3 of 4 answered within, 1 abandoned: 60 %), ASA (to 0.1 s), AHT, medians, FCR (1 of 5), transfers, reopens');
SELECT is((SELECT string_agg(array_to_string(ARRAY[(operator_id)::text, (tickets)::text, (resolved)::text, (round(frt_median_seconds::numeric, 3))::text], '|', ''), ' ' ORDER BY operator_id) FROM zk.operator_monthly),
	'anna|4|3|3599.900 boris|1|0|600.000', 'operators: the owners of answered tickets');

-- the cookbook's bi.contacts_monthly over contact_facts
\set cookbook `perl -e 'open my $f, "<", $ARGV[0] or die; my ($in, $b) = (0, ""); while (<$f>) { if (!$in && /^\x60{3}sql\s*$/) { $in = 1; $b = ""; next } if ($in && /^\x60{3}\s*$/) { print $b if $b =~ /CREATE VIEW bi\.contacts_monthly/; $in = 0; next } $b .= $_ if $in }' docs/cookbook.md`
CREATE SCHEMA bi_zk;
SET search_path = zk, source_zammad, public;
SELECT lives_ok(replace(:'cookbook', 'bi.contacts_monthly', 'bi_zk.contacts_monthly'), 'the cookbook''s bi.contacts_monthly is created over zk.contact_facts');
SELECT is((SELECT array_to_string(ARRAY[(sum(contacts))::text, (sum(offered))::text, (sum(answered))::text, (sum(answered_within))::text, (sum(abandoned))::text, (sum(fcr_resolved))::text, (sum(fcr_total))::text], '|', '')
	FROM bi_zk.contacts_monthly), '8|5|4|3|1|1|5', 'its sums: contacts, offered, answered, within, abandoned, FCR parts');
DROP SCHEMA bi_zk CASCADE;
SET search_path = source_zammad, public;

-- YAML and JSON calendars, inactive and removed holidays, 23:59
SELECT alike(obj_description('zk.ticket_figures'::regclass, 'pg_class'),
	'%''Europe/Berlin; Mon-Fri 08:00-12:00, 13:00-17:00; Sat 09:00-13:00; holidays 2026-04-03, 2026-04-06, 2026-05-01''%',
	'the SLA''s calendar read from Rails'' YAML: inactive and removed holidays left out');
SELECT lives_ok($$SELECT create_zammad_views('zf', 'zk2', calendar_name => '24/7')$$, 'another calendar by name');
SELECT alike(obj_description('zk2.ticket_figures'::regclass, 'pg_class'), '%''UTC; Mon-Tue 00:00-24:00''%', '23:59 is the end of the day');
UPDATE zf.calendars SET business_hours = '{"mon": {"active": true, "timeframes": [["09:00", "17:00"]]}, "sun": {"active": false, "timeframes": [["09:00", "12:00"]]}}',
	public_holidays = '{"2026-04-13": {"active": true}, "2026-04-14": {"active": false}}' WHERE id = 2;
SELECT lives_ok($$SELECT create_zammad_views('zf', 'zk2', calendar_name => '24/7')$$, 'a calendar stored as JSON');
SELECT alike(obj_description('zk2.ticket_figures'::regclass, 'pg_class'), '%''UTC; Mon 09:00-17:00; holidays 2026-04-13''%', 'read from JSON');
DROP SCHEMA zk2 CASCADE;

-- an empty source: the views work and are empty
\set zm_schema zempty
\ir ../examples/sources/zammad.sql
SET search_path = source_zammad, public;
SELECT lives_ok($$SELECT create_zammad_views('zempty', 'zk_empty')$$, 'an empty Zammad');
SELECT is((SELECT count(*) FROM zk_empty.contact_facts) + (SELECT count(*) FROM zk_empty.monthly_report)
	+ (SELECT count(*) FROM zk_empty.cross_check) + (SELECT count(*) FROM zk_empty.contact_events), 0::bigint, 'gives empty views');
DROP SCHEMA zk_empty CASCADE;

-- bad arguments
SELECT throws_ok($$SELECT create_zammad_views('no_such_schema')$$, '3F000', NULL, 'a missing source schema');
SELECT throws_ok($$SELECT create_zammad_views(NULL)$$, '22004', NULL, 'a NULL source schema');
SELECT throws_ok($$SELECT create_zammad_views('zempty', NULL)$$, '22004', NULL, 'a NULL target schema');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zempty')$$, '22023',
	'create_zammad_views: into_schema must differ from source_schema "zempty"', 'the views into the source schema');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx', 'Europe/Nowhere')$$, '22023',
	'create_zammad_views: time zone "Europe/Nowhere" not recognized', 'an unknown time zone');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx', thresholds => '{"email": 60}')$$, '22023', NULL, 'thresholds without "*"');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx', thresholds => '{"*": 0}')$$, '22023', NULL, 'a threshold of 0');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx', thresholds => '[60]')$$, '22023', NULL, 'thresholds not an object');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx', thresholds => '{"*": 1e400}')$$, '22023', NULL, 'a threshold beyond double precision');
SELECT throws_like($$SELECT create_zammad_views('zempty', 'zx', thresholds => '{"*": 60, "chat": 1e-400}')$$,
	'create_zammad_views: the threshold of channel "chat" must be a finite number of seconds above 0, not 0.000%', 'one that is 0 in double precision');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx', repeat_within => '0')$$, '22023', NULL, 'an empty repeat window');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx', time_unit_seconds => -1)$$, '22023', NULL, 'a negative time unit');
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx', calendar_name => 'nope')$$, '22023', NULL, 'an unknown calendar');
ALTER TABLE zempty.ticket_articles RENAME COLUMN internal TO is_internal;
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx')$$, '42703',
	'create_zammad_views: column zempty.ticket_articles.internal does not exist', 'a missing column, named');
ALTER TABLE zempty.ticket_articles RENAME COLUMN is_internal TO internal;
DROP TABLE zempty.histories;
SELECT throws_ok($$SELECT create_zammad_views('zempty', 'zx')$$, '42P01',
	'create_zammad_views: table zempty.histories does not exist', 'a missing table, named');
UPDATE zf.calendars SET business_hours = '{"mon": {"active": false}}' WHERE id = 2;
SELECT throws_ok($$SELECT create_zammad_views('zf', 'zx', calendar_name => '24/7')$$, '22023',
	'create_zammad_views: calendar "24/7" has no active business hours', 'a calendar without hours');
SELECT is((SELECT count(*) FROM pg_namespace WHERE nspname = 'zx'), 0::bigint, 'no target schema is left by a failed call');
DROP SCHEMA zempty CASCADE;

-- a second call replaces the same views; the views depend only on pg_catalog, the extension and the schemas
SELECT is((SELECT count(*) FROM create_zammad_views('zf', 'zk', time_unit_seconds => 60)), 6::bigint, 'a second call works');
SELECT is((SELECT count(*) FROM pg_class WHERE relnamespace = 'zk'::regnamespace), 6::bigint, 'and replaces the same six views');
SELECT is((SELECT count(*) FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
	WHERE d.classid = 'pg_rewrite'::regclass AND v.relnamespace = 'zk'::regnamespace
	AND (pg_identify_object(d.refclassid, d.refobjid, 0)).schema NOT IN
		('pg_catalog', 'zf', 'zk', (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'support_kpi'))), 0::bigint,
	'the views depend only on pg_catalog, the extension, the source and themselves');
SELECT is((SELECT count(*) FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
	WHERE d.classid = 'pg_rewrite'::regclass AND v.relnamespace = 'zk'::regnamespace
	AND (pg_identify_object(d.refclassid, d.refobjid, 0)).schema = 'zf') > 10, true, 'and do depend on the source tables');

-- ------------------------------------------------------------------------
-- the generated month: the report against plain SQL over the same tables
\set zm_schema zgen
\set zm_tickets 300
\ir ../examples/sources/zammad.sql
SET search_path = source_zammad, public;
SELECT is((SELECT count(*) FROM create_zammad_views('zgen', 'zgk', 'Europe/Berlin', time_unit_seconds => 60)), 6::bigint, 'the generated month');
CREATE TEMP TABLE plain AS
WITH t AS (
	SELECT t.id, t.created_at AT TIME ZONE 'UTC' AS created_at, t.group_id, y.name AS state_type, ct.name AS ctype, cs.name AS csender,
		t.last_close_at AT TIME ZONE 'UTC' AS last_close_at
	FROM zgen.tickets t JOIN zgen.ticket_states s ON s.id = t.state_id JOIN zgen.ticket_state_types y ON y.id = s.state_type_id
	JOIN zgen.ticket_article_types ct ON ct.id = t.create_article_type_id JOIN zgen.ticket_article_senders cs ON cs.id = t.create_article_sender_id
	WHERE y.name NOT IN ('merged', 'removed')),
a AS (
	SELECT a.ticket_id, a.created_at AT TIME ZONE 'UTC' AS at, s.name AS sender, y.communication
	FROM zgen.ticket_articles a JOIN zgen.ticket_article_senders s ON s.id = a.sender_id JOIN zgen.ticket_article_types y ON y.id = a.type_id
	WHERE NOT a.internal)
SELECT t.*, split_part(t.ctype, ' ', 1) AS channel,
	(SELECT min(at) FROM a WHERE a.ticket_id = t.id AND a.sender = 'Agent' AND a.communication) AS reply_at,
	(SELECT min(r.at) - min(c.at) FROM a c, a r WHERE c.ticket_id = t.id AND c.sender = 'Customer' AND r.ticket_id = t.id
	 AND r.sender = 'Agent' AND r.communication AND r.at >= (SELECT min(at) FROM a WHERE a.ticket_id = t.id AND a.sender = 'Customer')) AS frt
FROM t;
SELECT is((SELECT array_to_string(ARRAY[(tickets)::text, (offered)::text, (answered)::text, (abandoned)::text, (sl_pct)::text, (round(frt_median_seconds::numeric, 3))::text, (round(resolution_median_seconds::numeric, 3))::text], '|', '')
	FROM zgk.monthly_report WHERE channel = 'all'),
	(SELECT array_to_string(ARRAY[(count(*))::text, (count(*) FILTER (WHERE csender = 'Customer' AND (reply_at IS NOT NULL OR state_type = 'closed')))::text, (count(*) FILTER (WHERE csender = 'Customer' AND reply_at IS NOT NULL))::text, (count(*) FILTER (WHERE csender = 'Customer' AND reply_at IS NULL AND state_type = 'closed'))::text, (round(100.0 * count(*) FILTER (WHERE csender = 'Customer' AND reply_at - created_at <= make_interval(secs => CASE WHEN channel = 'chat' THEN 60 ELSE 14400 END))
			/ count(*) FILTER (WHERE csender = 'Customer' AND (reply_at IS NOT NULL OR state_type = 'closed')), 2))::text, (round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM frt))::numeric, 3))::text, (round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM last_close_at - created_at)) FILTER (WHERE state_type = 'closed')::numeric, 3))::text], '|', '')
	 FROM plain),
	'generated month: tickets, offered, answered, abandoned, SL, FRT and resolution medians equal plain SQL');
SELECT is((SELECT string_agg(array_to_string(ARRAY[(channel)::text, (queue)::text, (tickets)::text, (answered)::text, (round(frt_p90_seconds::numeric, 3))::text], '|', ''), ' ' ORDER BY channel, queue)
	FROM zgk.monthly_report WHERE channel <> 'all'),
	(SELECT string_agg(array_to_string(ARRAY[(channel)::text, (queue)::text, (n)::text, (ans)::text, (p90)::text], '|', ''), ' ' ORDER BY channel, queue) FROM (
		SELECT p.channel, g.name AS queue, count(*) AS n, count(*) FILTER (WHERE csender = 'Customer' AND reply_at IS NOT NULL) AS ans,
			round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM frt))::numeric, 3) AS p90
		FROM plain p JOIN zgen.tickets t ON t.id = p.id JOIN zgen.groups g ON g.id = t.group_id GROUP BY 1, 2) x),
	'per channel and group: tickets, answered, FRT p90');
SELECT is((SELECT sum(tickets)::bigint FROM zgk.operator_monthly), (SELECT count(*) FROM zgk.contact_facts WHERE answered_at IS NOT NULL OR (offered_at IS NULL AND operator_id IS NOT NULL)),
	'operator_monthly covers every answered ticket');
SELECT ok((SELECT count(*) FROM zgk.contact_facts WHERE (arrived_at AT TIME ZONE 'Europe/Berlin')::time NOT BETWEEN '07:00' AND '19:00') > 50,
	'the month has overnight tickets');

-- the cross-check: every difference has a rule and its bound holds; how many each rule explains
CREATE TEMP TABLE cc AS
SELECT c.*, f.frt_pauses, f.close_pauses,
	CASE c.figure WHEN 'first_response_in_min' THEN c.difference - (f.frt_paused_seconds + f.frt_after_close_seconds) / 60
	              WHEN 'close_in_min' THEN c.difference - (f.close_paused_seconds + f.reopened_seconds) / 60 END AS residual,
	CASE c.figure WHEN 'first_response_in_min' THEN f.frt_pauses WHEN 'close_in_min' THEN f.close_pauses ELSE 0 END AS k
FROM zgk.cross_check c JOIN zgk.ticket_figures f USING (contact_id);
SELECT is((SELECT count(*) FROM cc WHERE difference IS DISTINCT FROM 0 AND rule IS NULL), 0::bigint, 'every difference has a rule');
SELECT is((SELECT count(*) FROM cc WHERE rule IS NOT NULL AND difference = 0), 0::bigint, 'no rule where equal');
SELECT is((SELECT count(*) FROM cc WHERE figure = 'first_response_at' AND rule IS NOT NULL), 0::bigint,
	'first_response_at: Zammad''s equals ours from the articles, to the millisecond');
SELECT is((SELECT count(*) FROM cc WHERE rule = 'whole_minutes' AND NOT (difference >= 0 AND difference < 62.0 / 60)), 0::bigint,
	'whole_minutes: 0 <= ours - theirs < 1 minute and 2 seconds');
SELECT is((SELECT count(*) FROM cc WHERE rule IN ('pending_paused', 'capped_at_close', 'reopened') AND difference IS NOT NULL
	AND NOT (residual >= -k AND residual < 62.0 / 60 + k)), 0::bigint,
	'pending_paused, capped_at_close, reopened: the difference is the paused / cut business time, within a minute per pause');
SELECT is((SELECT count(*) FROM cc WHERE rule = 'reply_not_found' AND ours IS NOT NULL), 0::bigint,
	'reply_not_found: only where we found no reply');
SELECT is((SELECT count(*) FROM cc WHERE rule = 'reopened' AND difference IS NULL
	AND contact_id NOT IN (SELECT contact_id FROM zgk.ticket_figures WHERE resolved_at IS NULL AND close_at IS NOT NULL)), 0::bigint,
	'reopened without ours: reopened and not closed again');
SELECT is((SELECT string_agg(figure || ':' || coalesce(rule, 'equal') || '=' || n, ' ' ORDER BY figure, rule NULLS FIRST)
	FROM (SELECT figure, rule, count(*) AS n FROM cc GROUP BY 1, 2) x),
	'close_in_min:equal=15 close_in_min:pending_paused=77 close_in_min:reopened=21 close_in_min:whole_minutes=69 '
	'first_response_at:equal=275 first_response_in_min:equal=58 first_response_in_min:capped_at_close=1 '
	'first_response_in_min:pending_paused=8 first_response_in_min:whole_minutes=127',
	'how many rows each rule explains in the generated month');
-- a tampered stored figure is unexplained: Zammad's first response 2 h later and 300 minutes more, its
-- close 5 minutes less, on a ticket whose figures agreed (first response) or differed by whole minutes (close)
CREATE TEMP TABLE tampered AS SELECT min(contact_id) AS id FROM zgk.cross_check
WHERE figure = 'first_response_in_min' AND difference = 0
	AND contact_id IN (SELECT contact_id FROM zgk.cross_check WHERE figure = 'close_in_min' AND rule = 'whole_minutes');
UPDATE zgen.tickets SET first_response_at = first_response_at + interval '2 hours',
	first_response_in_min = first_response_in_min + 300, close_in_min = close_in_min - 5 WHERE id = (SELECT id FROM tampered);
SELECT is((SELECT string_agg(figure || ':' || floor(difference) || ':' || coalesce(rule, 'unexplained'), ' ' ORDER BY figure)
	FROM zgk.cross_check WHERE contact_id = (SELECT id FROM tampered)),
	'close_in_min:5:unexplained first_response_at:-7200:unexplained first_response_in_min:-300:unexplained',
	'a tampered stored figure: no rule applies, the row is unexplained');
SELECT is((SELECT count(*) FROM zgk.cross_check WHERE difference IS DISTINCT FROM 0 AND rule IS NULL), 3::bigint,
	'and only its three rows are');
UPDATE zgen.tickets SET first_response_at = first_response_at - interval '2 hours',
	first_response_in_min = first_response_in_min - 300, close_in_min = close_in_min + 5 WHERE id = (SELECT id FROM tampered);
SELECT is((SELECT count(*) FROM zgk.contact_facts), 300::bigint, 'the duplicates merged into their originals are left out');

-- the generator is deterministic
CREATE TEMP TABLE first_run AS SELECT * FROM zgen.tickets;
\set zm_schema zgen
\ir ../examples/sources/zammad.sql
SET search_path = source_zammad, public;
SELECT is(mismatches('first_run', 'zgen.tickets'), 0::bigint, 'the generator gives the same month every run');

SELECT * FROM finish();
DROP SCHEMA IF EXISTS zgk CASCADE;
DROP SCHEMA IF EXISTS zgen CASCADE;
DROP SCHEMA IF EXISTS zk CASCADE;
DROP SCHEMA IF EXISTS zf CASCADE;
DROP SCHEMA source_zammad CASCADE;

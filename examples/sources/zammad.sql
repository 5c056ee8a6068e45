-- A month of a Zammad help desk, generated (deterministic: hashes, no random()).
--
--   psql -v zm_tickets=400 -f examples/sources/zammad.sql          (default 400 tickets)
--   variables: zm_schema (default zammad: dropped and recreated), zm_tickets,
--   zm_month (default 2026-04-01)
--
-- The tables are written from Zammad's documented schema (its db/migrate
-- create_base / create_ticket migrations; Rails: integer ids, `timestamp(3)
-- without time zone` in UTC, serialized hashes as YAML text): the columns
-- create_zammad_views reads and the others that matter for realism.  With
-- zm_tickets=0 only the tables and Zammad's seed rows (senders, article types,
-- states, history lookups) are made: tests add their own tickets.
--
-- The traffic: e-mail, web form, phone (received calls the agent logs as the
-- customer's article, and outbound calls), chat and WhatsApp tickets in three
-- groups; trigger auto-replies (sender System), internal notes, public agent
-- notes, replies, customer follow-ups, pending reminder and pending close
-- (closed by Zammad's scheduler), tickets closed without a reply, reopened
-- tickets (closed again or not), group transfers, owner assignments, duplicates
-- merged into the original ticket, overnight and weekend tickets, Easter
-- holidays.
--
-- Zammad's own figures are stored the way Zammad computes them (its
-- Ticket::Article contact-attribute callbacks, Ticket::SetsCloseTime and
-- lib/escalation with the biz gem; see docs/sources.md, Zammad):
--   first_response_at  the first article of sender Agent, not internal, of a
--                      communication type
--   close_at           the first change to a closed state; last_close_at the last
--   first_response_in_min / close_in_min (tickets under an SLA only)
--                      working minutes of the SLA's calendar from created_at to
--                      min(first_response_at, close_at) / to close_at, less the
--                      periods in states that ignore escalation (pending, closed)
--                      as known at that moment, whose ends Zammad cuts to the
--                      minute (HH:MM break entries); each working segment's
--                      seconds truncated to whole seconds, the sum divided by
--                      60 in integers.
-- That computation is written below in plain SQL with ranges, independently of
-- the extension's business_calendar.
\if :{?zm_schema}
\else
\set zm_schema zammad
\endif
\if :{?zm_tickets}
\else
\set zm_tickets 400
\endif
\if :{?zm_month}
\else
\set zm_month 2026-04-01
\endif
SELECT current_setting('search_path') AS zm_old_search_path, current_setting('client_min_messages') AS zm_old_cmm \gset
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS :"zm_schema" CASCADE;
CREATE SCHEMA :"zm_schema";
SELECT set_config('search_path', quote_ident(:'zm_schema') || ', pg_catalog', false) \g /dev/null

-- the tables (the subset of Zammad's columns that matter here); the lookup tables end with
-- Rails' audit columns (updated_by_id, created_by_id, created_at, updated_at), from zaudit
CREATE TEMP TABLE zaudit (updated_by_id integer NOT NULL DEFAULT 1, created_by_id integer NOT NULL DEFAULT 1,
	created_at timestamp(3) NOT NULL DEFAULT '2026-01-01', updated_at timestamp(3) NOT NULL DEFAULT '2026-01-01');
CREATE TABLE users (
	id bigserial PRIMARY KEY, organization_id bigint, login varchar(255) NOT NULL, firstname varchar(150),
	lastname varchar(150), email varchar(255), active boolean NOT NULL DEFAULT true,
	LIKE zaudit INCLUDING DEFAULTS);
CREATE TABLE groups (
	id bigserial PRIMARY KEY, name varchar(160) NOT NULL, active boolean NOT NULL DEFAULT true, note varchar(250),
	LIKE zaudit INCLUDING DEFAULTS);
CREATE TABLE ticket_state_types (
	id bigserial PRIMARY KEY, name varchar(250) NOT NULL UNIQUE, note varchar(250),
	LIKE zaudit INCLUDING DEFAULTS);
CREATE TABLE ticket_states (
	id bigserial PRIMARY KEY, state_type_id bigint NOT NULL REFERENCES ticket_state_types, name varchar(250) NOT NULL UNIQUE,
	next_state_id integer, ignore_escalation boolean NOT NULL DEFAULT false, default_create boolean NOT NULL DEFAULT false,
	default_follow_up boolean NOT NULL DEFAULT false, active boolean NOT NULL DEFAULT true,
	LIKE zaudit INCLUDING DEFAULTS);
CREATE TABLE ticket_priorities (
	id bigserial PRIMARY KEY, name varchar(250) NOT NULL UNIQUE, default_create boolean NOT NULL DEFAULT false,
	active boolean NOT NULL DEFAULT true, updated_by_id integer NOT NULL DEFAULT 1, created_by_id integer NOT NULL DEFAULT 1,
	created_at timestamp(3) NOT NULL DEFAULT '2026-01-01', updated_at timestamp(3) NOT NULL DEFAULT '2026-01-01');
CREATE TABLE ticket_article_types (
	id bigserial PRIMARY KEY, name varchar(250) NOT NULL UNIQUE, note varchar(250),
	communication boolean NOT NULL DEFAULT false, active boolean NOT NULL DEFAULT true,
	LIKE zaudit INCLUDING DEFAULTS);
CREATE TABLE ticket_article_senders (
	id bigserial PRIMARY KEY, name varchar(250) NOT NULL UNIQUE, note varchar(250),
	LIKE zaudit INCLUDING DEFAULTS);
CREATE TABLE tickets (
	id bigserial PRIMARY KEY, group_id bigint NOT NULL, priority_id bigint NOT NULL, state_id bigint NOT NULL,
	organization_id bigint, number varchar(60) NOT NULL UNIQUE, title varchar(250) NOT NULL,
	owner_id integer NOT NULL, customer_id integer NOT NULL, note varchar(250),
	first_response_at timestamp(3), first_response_escalation_at timestamp(3),
	first_response_in_min integer, first_response_diff_in_min integer,
	close_at timestamp(3), close_escalation_at timestamp(3), close_in_min integer, close_diff_in_min integer,
	update_escalation_at timestamp(3), update_in_min integer, update_diff_in_min integer,
	last_close_at timestamp(3), last_contact_at timestamp(3), last_contact_agent_at timestamp(3),
	last_contact_customer_at timestamp(3), last_owner_update_at timestamp(3),
	create_article_type_id integer, create_article_sender_id integer, article_count integer,
	escalation_at timestamp(3), pending_time timestamp(3), type varchar(100),
	time_unit numeric(6, 2), preferences text,
	updated_by_id integer NOT NULL, created_by_id integer NOT NULL,
	created_at timestamp(3) NOT NULL, updated_at timestamp(3) NOT NULL);
CREATE TABLE ticket_articles (
	id bigserial PRIMARY KEY, ticket_id bigint NOT NULL, type_id bigint NOT NULL, sender_id bigint NOT NULL,
	"from" varchar(3000), "to" varchar(3000), cc varchar(3000), subject varchar(3000), reply_to varchar(300),
	message_id varchar(3000), message_id_md5 varchar(32), in_reply_to varchar(3000),
	content_type varchar(20) NOT NULL DEFAULT 'text/plain', body text NOT NULL,
	internal boolean NOT NULL DEFAULT false, preferences text,
	updated_by_id integer NOT NULL, created_by_id integer NOT NULL, origin_by_id integer,
	created_at timestamp(3) NOT NULL, updated_at timestamp(3) NOT NULL);
CREATE TABLE calendars (
	id bigserial PRIMARY KEY, name varchar(250), timezone varchar(250), business_hours varchar(3000),
	"default" boolean NOT NULL DEFAULT false, ical_url varchar(500), public_holidays text, last_log text,
	last_sync timestamp(3), updated_by_id integer NOT NULL DEFAULT 1, created_by_id integer NOT NULL DEFAULT 1,
	created_at timestamp(3) NOT NULL DEFAULT '2026-01-01', updated_at timestamp(3) NOT NULL DEFAULT '2026-01-01');
CREATE TABLE slas (
	id bigserial PRIMARY KEY, calendar_id bigint NOT NULL, name varchar(150) UNIQUE, first_response_time integer,
	response_time integer, update_time integer, solution_time integer, condition text,
	LIKE zaudit INCLUDING DEFAULTS);
CREATE TABLE history_types (id bigserial PRIMARY KEY, name varchar(250) NOT NULL UNIQUE,
	created_at timestamp(3) NOT NULL DEFAULT '2026-01-01', updated_at timestamp(3) NOT NULL DEFAULT '2026-01-01');
CREATE TABLE history_objects (id bigserial PRIMARY KEY, name varchar(250) NOT NULL UNIQUE, note varchar(250),
	created_at timestamp(3) NOT NULL DEFAULT '2026-01-01', updated_at timestamp(3) NOT NULL DEFAULT '2026-01-01');
CREATE TABLE history_attributes (id bigserial PRIMARY KEY, name varchar(250) NOT NULL UNIQUE,
	created_at timestamp(3) NOT NULL DEFAULT '2026-01-01', updated_at timestamp(3) NOT NULL DEFAULT '2026-01-01');
CREATE TABLE histories (
	id bigserial PRIMARY KEY, history_type_id integer NOT NULL, history_object_id integer NOT NULL,
	history_attribute_id integer, o_id integer NOT NULL, related_o_id integer, related_history_object_id integer,
	id_to integer, id_from integer, value_from varchar(500), value_to varchar(500),
	created_by_id integer NOT NULL, created_at timestamp(3) NOT NULL, updated_at timestamp(3) NOT NULL);

CREATE INDEX ON ticket_articles (ticket_id);
CREATE INDEX ON histories (o_id);

-- Zammad's seed rows
INSERT INTO users (id, login, firstname, lastname) VALUES (1, '-', '', '');
INSERT INTO ticket_state_types (id, name) VALUES
	(1, 'new'), (2, 'open'), (3, 'pending reminder'), (4, 'pending action'), (5, 'closed'), (6, 'merged'), (7, 'removed');
INSERT INTO ticket_states (id, name, state_type_id, ignore_escalation, default_create, default_follow_up, next_state_id) VALUES
	(1, 'new', 1, false, true, false, NULL), (2, 'open', 2, false, false, true, NULL),
	(3, 'pending reminder', 3, true, false, false, NULL), (4, 'closed', 5, true, false, false, NULL),
	(5, 'merged', 6, true, false, false, NULL), (6, 'removed', 7, true, false, false, NULL),
	(7, 'pending close', 4, true, false, false, 4);
INSERT INTO ticket_priorities (id, name, default_create) VALUES (1, '1 low', false), (2, '2 normal', true), (3, '3 high', false);
INSERT INTO ticket_article_types (id, name, communication) VALUES
	(1, 'email', true), (2, 'sms', true), (3, 'chat', true), (4, 'fax', true), (5, 'phone', true),
	(6, 'twitter status', true), (7, 'twitter direct-message', true), (8, 'facebook feed post', true),
	(9, 'facebook feed comment', true), (10, 'note', false), (11, 'web', true),
	(12, 'telegram personal-message', true), (13, 'facebook direct-message', true), (14, 'whatsapp message', true);
INSERT INTO ticket_article_senders (id, name) VALUES (1, 'Agent'), (2, 'Customer'), (3, 'System');
INSERT INTO history_types (id, name) VALUES (1, 'created'), (2, 'updated'), (3, 'notification'), (4, 'merged_into'), (5, 'received_merge');
INSERT INTO history_objects (id, name) VALUES (1, 'Ticket'), (2, 'Ticket::Article'), (3, 'User');
INSERT INTO history_attributes (id, name) VALUES (1, 'state'), (2, 'group'), (3, 'owner'), (4, 'priority'), (5, 'title');
SELECT setval(pg_get_serial_sequence(quote_ident(:'zm_schema') || '.users', 'id'), 1) \g /dev/null

-- the calendar, as Rails stores it (YAML of a HashWithIndifferentAccess), written from the
-- rows below: Mon-Fri 08:00-12:00 and 13:00-17:00, Sat 09:00-13:00, Berlin; Easter holidays
-- (Good Friday, Easter Monday) and May Day active, one inactive and one removed entry (neither
-- closes its day); a 24/7 calendar beside it ('23:59' is Zammad's end of day) that no SLA uses.
-- The escalation statistics below read the same rows.
CREATE TEMP TABLE zhours (cal int, dnum int, day text, active boolean, n int, f text, t text);
INSERT INTO zhours
SELECT 1, d, (ARRAY['mon', 'tue', 'wed', 'thu', 'fri'])[d], true, h.n, h.f, h.t
FROM generate_series(1, 5) d, (VALUES (1, '08:00', '12:00'), (2, '13:00', '17:00')) h(n, f, t)
UNION ALL VALUES (1, 6, 'sat', true, 1, '09:00', '13:00'), (1, 7, 'sun', false, 1, '09:00', '17:00'),
	(2, 1, 'mon', true, 1, '00:00', '23:59'), (2, 2, 'tue', true, 1, '00:00', '23:59');
CREATE TEMP TABLE zholidays (day date, active boolean, removed boolean, summary text);
INSERT INTO zholidays VALUES ('2026-04-03', true, NULL, 'Karfreitag'), ('2026-04-06', true, NULL, 'Ostermontag'),
	('2026-04-20', false, NULL, 'Betriebsausflug (abgesagt)'), ('2026-04-27', true, true, 'Brueckentag'),
	('2026-05-01', true, NULL, 'Tag der Arbeit');
INSERT INTO calendars (id, name, timezone, "default", business_hours, public_holidays)
SELECT c.id, c.name, c.tz, c.id = 1,
	E'--- !ruby/hash:ActiveSupport::HashWithIndifferentAccess\n'
	|| (SELECT string_agg(format(E'%s:\n  active: %s\n  timeframes:\n%s', day, active, frames), '' ORDER BY dnum)
	    FROM (SELECT dnum, day, bool_or(active)::text AS active, string_agg(format(E'  - - ''%s''\n    - ''%s''\n', f, t), '' ORDER BY n) AS frames
	          FROM zhours h WHERE h.cal = c.id GROUP BY dnum, day) d),
	CASE WHEN c.id = 1 THEN E'--- !ruby/hash:ActiveSupport::HashWithIndifferentAccess\n'
		|| (SELECT string_agg(format(E'''%s'':\n  active: %s\n%s  summary: %s\n', day, active::text,
		                             CASE WHEN removed THEN E'  removed: true\n' ELSE '' END, summary), '' ORDER BY day) FROM zholidays) END
FROM (VALUES (1, 'Berlin office', 'Europe/Berlin'), (2, '24/7', 'UTC')) c(id, name, tz);
INSERT INTO slas (id, calendar_id, name, first_response_time, update_time, solution_time, condition) VALUES
	(1, 1, 'Standard', 240, NULL, 2880,
	 $y$--- !ruby/hash:ActiveSupport::HashWithIndifferentAccess
ticket.group_id:
  operator: is
  value:
  - '1'
  - '2'
$y$);

-- agents, groups, customers
INSERT INTO groups (id, name) VALUES (1, 'Users'), (2, 'Billing'), (3, 'Sales');
INSERT INTO users (id, login, firstname, lastname, email)
SELECT i + 1, login, initcap(login), 'Agent', login || '@example.com'
FROM unnest(ARRAY['anna', 'boris', 'chen', 'dana', 'emil', 'fatima', 'gero', 'hana']) WITH ORDINALITY a(login, i);
INSERT INTO users (id, login, email)
SELECT 100 + c, 'customer' || c, 'customer' || c || '@mail.example' FROM generate_series(1, greatest(:zm_tickets / 2, 1)) c
WHERE :zm_tickets > 0;
SELECT setval(pg_get_serial_sequence(quote_ident(:'zm_schema') || '.users', 'id'), 100000) \g /dev/null

-- ------------------------------------------------------------------------
-- the traffic: one plan row per ticket, from hashes of (ticket, salt)
CREATE OR REPLACE FUNCTION pg_temp.zh(i bigint, salt text) RETURNS double precision LANGUAGE sql IMMUTABLE AS
$$ SELECT ('x' || substr(md5(i::text || ':' || salt), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
-- a duration between lo and hi seconds, log-uniform, to the millisecond
CREATE OR REPLACE FUNCTION pg_temp.zdur(i bigint, salt text, lo double precision, hi double precision) RETURNS interval LANGUAGE sql IMMUTABLE AS
$$ SELECT make_interval(secs => round((lo * exp(pg_temp.zh(i, salt) * ln(hi / lo)))::numeric, 3)::double precision) $$;

-- agents work Mon-Sat 07:30-18:00 Berlin time: an action that would fall outside is done the
-- next working morning (08:00 plus up to 90 minutes): overnight and weekend tickets wait
CREATE OR REPLACE FUNCTION pg_temp.zwork(t timestamp, i bigint, salt text) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN extract(isodow FROM l) = 7 OR l::time >= '18:00' OR l::time < '07:30'
	THEN (((d + CASE WHEN extract(isodow FROM d) = 7 THEN 1 ELSE 0 END) + time '08:00' + pg_temp.zdur(i, salt, 60, 5400))
	      AT TIME ZONE 'Europe/Berlin') AT TIME ZONE 'UTC'
	ELSE t END
FROM (SELECT l, l::date + CASE WHEN l::time >= '18:00' THEN 1 ELSE 0 END AS d
      FROM (SELECT (t AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin' AS l) y) x
$$;

CREATE TEMP TABLE zplan AS
SELECT i AS id,
	-- arrival: uniform over the month (nights, weekends and holidays included), ms precision
	date_trunc('milliseconds', :'zm_month'::timestamp + pg_temp.zh(i, 'at') * (date_trunc('month', :'zm_month'::timestamp + interval '1 month') - :'zm_month'::timestamp)) AS created_at,
	CASE WHEN pg_temp.zh(i, 'ch') < 0.50 THEN 1 WHEN pg_temp.zh(i, 'ch') < 0.68 THEN 11 WHEN pg_temp.zh(i, 'ch') < 0.88 THEN 5
	     WHEN pg_temp.zh(i, 'ch') < 0.97 THEN 3 ELSE 14 END AS type_id,
	pg_temp.zh(i, 'out') < 0.4 AS phone_outbound,
	1 + floor(pg_temp.zh(i, 'grp') * 3)::int AS group_id,
	100 + 1 + floor(pg_temp.zh(i, 'cust') * greatest(:zm_tickets / 2, 1))::int AS customer_id,
	2 + floor(pg_temp.zh(i, 'agent') * 8)::int AS agent_id,
	2 + floor(pg_temp.zh(i, 'agent2') * 8)::int AS agent2_id,
	pg_temp.zh(i, 'reply') < 0.9 AS replied,
	-- the first reply: chats within seconds to minutes, the rest from a minute to days
	CASE WHEN pg_temp.zh(i, 'ch') >= 0.88 AND pg_temp.zh(i, 'ch') < 0.97 THEN pg_temp.zdur(i, 'frt', 8, 900)
	     ELSE pg_temp.zdur(i, 'frt', 30, 3 * 86400) END AS frt,
	pg_temp.zh(i, 'note') < 0.2 AS internal_note,
	pg_temp.zh(i, 'pnote') < 0.05 AS public_note,
	pg_temp.zh(i, 'pend0') < 0.07 AS pending_before_reply,
	pg_temp.zdur(i, 'pend0d', 600, 86400) AS pending_before_reply_for,
	pg_temp.zh(i, 'xfer') < 0.1 AS transferred,
	pg_temp.zh(i, 'fup') < 0.4 AS follow_up,
	pg_temp.zdur(i, 'fupd', 300, 2 * 86400) AS follow_up_after,
	pg_temp.zdur(i, 'fupr', 60, 86400) AS second_reply_after,
	pg_temp.zh(i, 'pendr') < 0.25 AS pending_reminder,
	pg_temp.zdur(i, 'pendrd', 3600, 3 * 86400) AS pending_reminder_for,
	CASE WHEN pg_temp.zh(i, 'close') < 0.45 THEN 'direct' WHEN pg_temp.zh(i, 'close') < 0.85 THEN 'pending close' ELSE 'open' END AS close_how,
	pg_temp.zdur(i, 'closed', 60, 4 * 3600) AS close_after,
	pg_temp.zdur(i, 'pendc', 86400, 3 * 86400) AS pending_close_for,
	pg_temp.zh(i, 'noreplyclose') < 0.6 AS closed_unanswered,
	pg_temp.zh(i, 'reopen') < 0.1 AS reopened,
	pg_temp.zdur(i, 'reopend', 3600, 4 * 86400) AS reopen_after,
	pg_temp.zh(i, 'reclose') < 0.7 AS closed_again,
	pg_temp.zh(i, 'dup') < 0.04 AS has_duplicate,
	pg_temp.zdur(i, 'dupd', 600, 6 * 3600) AS duplicate_after,
	CASE WHEN pg_temp.zh(i, 'tu') < 0.7 THEN round((2 + pg_temp.zh(i, 'tuv') * 40)::numeric, 2) END AS time_unit
FROM generate_series(1, :zm_tickets) i;

-- the events of each ticket, in order: (ticket, at, what, sender, type, internal, by, state)
CREATE TEMP TABLE zev (ticket_id bigint, at timestamp(3), what text, sender_id int, type_id int,
	internal boolean, by_id int, state text, group_to int);
-- creation: the first article (outbound phone: the agent's), a trigger auto-reply to e-mail and web
INSERT INTO zev
SELECT p.id, p.created_at + interval '0.120 s', 'article',
	CASE WHEN p.type_id = 5 AND p.phone_outbound THEN 1 ELSE 2 END, p.type_id, false,
	CASE WHEN p.type_id = 5 THEN p.agent_id ELSE p.customer_id END, NULL, NULL
FROM zplan p;
INSERT INTO zev SELECT p.id, p.created_at + interval '2.5 s', 'article', 3, 1, false, 1, NULL, NULL
FROM zplan p WHERE p.type_id IN (1, 11);
-- transfer to the next group a few minutes in
INSERT INTO zev SELECT p.id, p.created_at + interval '4 min', 'group', NULL, NULL, NULL, p.agent2_id, NULL, p.group_id % 3 + 1
FROM zplan p WHERE p.transferred;
-- an internal note (a question to a colleague), a public agent note (not a reply)
INSERT INTO zev SELECT p.id, p.created_at + p.frt / 2, 'article', 1, 10, true, p.agent2_id, NULL, NULL
FROM zplan p WHERE p.internal_note;
INSERT INTO zev SELECT p.id, p.created_at + p.frt / 3, 'article', 1, 10, false, p.agent_id, NULL, NULL
FROM zplan p WHERE p.public_note;
-- waiting for information before the first reply: pending reminder, then open again
INSERT INTO zev SELECT p.id, p.created_at + p.frt / 4, 'state', NULL, NULL, NULL, p.agent_id, 'pending reminder', NULL
FROM zplan p WHERE p.pending_before_reply AND p.replied;
INSERT INTO zev SELECT p.id, p.created_at + p.frt / 4 + p.pending_before_reply_for, 'state', NULL, NULL, NULL, 1, 'open', NULL
FROM zplan p WHERE p.pending_before_reply AND p.replied;
-- the first reply (and the owner: the replying agent); web and phone tickets are answered by e-mail
INSERT INTO zev SELECT p.id, pg_temp.zwork(p.created_at + p.frt + CASE WHEN p.pending_before_reply THEN p.pending_before_reply_for ELSE interval '0' END, p.id, 'w1'),
	'article', 1, CASE WHEN p.type_id IN (3, 14) THEN p.type_id ELSE 1 END, false, p.agent_id, NULL, NULL
FROM zplan p WHERE p.replied AND NOT (p.type_id = 5 AND p.phone_outbound);
-- the plan's timeline from here on: t1 = the last agent reply so far
CREATE TEMP TABLE zt AS
SELECT p.*, coalesce((SELECT max(e.at) FROM zev e WHERE e.ticket_id = p.id AND e.sender_id = 1 AND NOT e.internal AND e.type_id <> 10),
	p.created_at + p.frt) AS t1
FROM zplan p;
-- after the reply: pending reminder (waiting for the customer), whose follow-up reopens it
INSERT INTO zev SELECT p.id, p.t1 + interval '1.5 s', 'state', NULL, NULL, NULL, p.agent_id, 'pending reminder', NULL
FROM zt p WHERE p.replied AND p.pending_reminder AND p.follow_up;
-- the customer's follow-up and the agent's second reply
INSERT INTO zev SELECT p.id, p.t1 + p.follow_up_after, 'article', 2, CASE WHEN p.type_id IN (3, 14) THEN p.type_id ELSE 1 END, false, p.customer_id, NULL, NULL
FROM zt p WHERE p.replied AND p.follow_up;
INSERT INTO zev SELECT p.id, p.t1 + p.follow_up_after + interval '0.5 s', 'state', NULL, NULL, NULL, p.customer_id, 'open', NULL
FROM zt p WHERE p.replied AND p.follow_up AND p.pending_reminder;
INSERT INTO zev SELECT p.id, pg_temp.zwork(p.t1 + p.follow_up_after + p.second_reply_after, p.id, 'w2'), 'article', 1, CASE WHEN p.type_id IN (3, 14) THEN p.type_id ELSE 1 END, false, p.agent_id, NULL, NULL
FROM zt p WHERE p.replied AND p.follow_up;
UPDATE zt p SET t1 = pg_temp.zwork(p.t1 + p.follow_up_after + p.second_reply_after, p.id, 'w2') WHERE p.replied AND p.follow_up;
-- outbound phone tickets: the call itself is the agent's article; t1 = creation
UPDATE zt p SET t1 = p.created_at + interval '0.120 s', replied = true WHERE p.type_id = 5 AND p.phone_outbound;
-- closing: directly, or pending close (closed by Zammad's scheduler, user 1); unanswered tickets
-- are sometimes closed without a reply (the customer solved it, or spam)
INSERT INTO zev SELECT p.id, pg_temp.zwork(p.t1 + p.close_after, p.id, 'w3'), 'state', NULL, NULL, NULL, p.agent_id, 'closed', NULL
FROM zt p WHERE p.replied AND p.close_how = 'direct';
INSERT INTO zev SELECT p.id, p.t1 + interval '1 s', 'state', NULL, NULL, NULL, p.agent_id, 'pending close', NULL
FROM zt p WHERE p.replied AND p.close_how = 'pending close';
INSERT INTO zev SELECT p.id, p.t1 + interval '1 s' + p.pending_close_for, 'state', NULL, NULL, NULL, 1, 'closed', NULL
FROM zt p WHERE p.replied AND p.close_how = 'pending close';
INSERT INTO zev SELECT p.id, pg_temp.zwork(p.created_at + p.frt, p.id, 'w4'), 'state', NULL, NULL, NULL, p.agent_id, 'closed', NULL
FROM zt p WHERE NOT p.replied AND p.closed_unanswered;
-- reopened: the customer writes after the close (state open, by the customer); the agent replies
-- and closes again, or the ticket stays open
CREATE TEMP TABLE zclose AS SELECT ticket_id, max(at) AS at FROM zev WHERE state = 'closed' GROUP BY ticket_id;
INSERT INTO zev SELECT p.id, c.at + p.reopen_after, 'article', 2, CASE WHEN p.type_id IN (3, 14) THEN p.type_id ELSE 1 END, false, p.customer_id, NULL, NULL
FROM zt p JOIN zclose c ON c.ticket_id = p.id WHERE p.reopened;
INSERT INTO zev SELECT p.id, c.at + p.reopen_after + interval '0.4 s', 'state', NULL, NULL, NULL, p.customer_id, 'open', NULL
FROM zt p JOIN zclose c ON c.ticket_id = p.id WHERE p.reopened;
INSERT INTO zev SELECT p.id, pg_temp.zwork(c.at + p.reopen_after + p.second_reply_after, p.id, 'w5'), 'article', 1, CASE WHEN p.type_id IN (3, 14) THEN p.type_id ELSE 1 END, false, p.agent2_id, NULL, NULL
FROM zt p JOIN zclose c ON c.ticket_id = p.id WHERE p.reopened;
INSERT INTO zev SELECT p.id, pg_temp.zwork(c.at + p.reopen_after + p.second_reply_after, p.id, 'w5') + p.close_after, 'state', NULL, NULL, NULL, p.agent2_id, 'closed', NULL
FROM zt p JOIN zclose c ON c.ticket_id = p.id WHERE p.reopened AND p.closed_again;
CREATE INDEX ON zev (ticket_id);
-- the state before each change, and the ticket's state now (new until something happens)
CREATE TEMP TABLE zstates AS
SELECT e.ticket_id, e.at, e.by_id, lag(e.state, 1, CASE WHEN e.ticket_id IS NOT NULL THEN 'new' END) OVER w AS value_from, e.state AS value_to,
	row_number() OVER w AS n
FROM (SELECT ticket_id, at, by_id, state FROM zev WHERE state IS NOT NULL
      UNION ALL
      -- the first agent reply opens a new ticket (Zammad's default follow-up state)
      SELECT DISTINCT ON (ticket_id) ticket_id, at + interval '0.2 s', by_id, 'open' FROM zev
      WHERE what = 'article' AND sender_id = 1 AND NOT internal AND type_id <> 10 ORDER BY ticket_id, at) e
WINDOW w AS (PARTITION BY e.ticket_id ORDER BY e.at);
CREATE INDEX ON zstates (ticket_id);
DELETE FROM zstates WHERE value_from = value_to;
-- the first reply's 'open' may come after a pending reminder that already reopened it: recompute value_from
UPDATE zstates z SET value_from = coalesce((SELECT y.value_to FROM zstates y WHERE y.ticket_id = z.ticket_id AND y.at < z.at ORDER BY y.at DESC LIMIT 1), 'new');
DELETE FROM zstates WHERE value_from = value_to;

-- the tables
INSERT INTO tickets (id, group_id, priority_id, state_id, number, title, owner_id, customer_id,
	create_article_type_id, create_article_sender_id, time_unit, updated_by_id, created_by_id, created_at, updated_at)
SELECT p.id, p.group_id, 1 + (p.id % 3 = 0)::int, 1, (31000 + p.id)::text, 'Ticket ' || p.id, 1, p.customer_id,
	p.type_id, CASE WHEN p.type_id = 5 AND p.phone_outbound THEN 1 ELSE 2 END, p.time_unit,
	p.customer_id, CASE WHEN p.type_id = 5 THEN p.agent_id ELSE p.customer_id END, p.created_at, p.created_at
FROM zt p;
INSERT INTO ticket_articles (ticket_id, type_id, sender_id, "from", subject, body, internal, updated_by_id, created_by_id, created_at, updated_at)
SELECT e.ticket_id, e.type_id, e.sender_id, u.email, 'Ticket ' || e.ticket_id,
	CASE e.sender_id WHEN 1 THEN 'reply' WHEN 2 THEN 'question' ELSE 'auto reply' END,
	e.internal, e.by_id, e.by_id, e.at, e.at
FROM zev e LEFT JOIN users u ON u.id = e.by_id WHERE e.what = 'article' ORDER BY e.at, e.ticket_id;
INSERT INTO histories (history_type_id, history_object_id, history_attribute_id, o_id, id_from, id_to, value_from, value_to, created_by_id, created_at, updated_at)
SELECT 2, 1, 1, z.ticket_id, sf.id, st.id, z.value_from, z.value_to, z.by_id, z.at, z.at
FROM zstates z JOIN ticket_states sf ON sf.name = z.value_from JOIN ticket_states st ON st.name = z.value_to
UNION ALL
SELECT 2, 1, 2, e.ticket_id, p.group_id, e.group_to, gf.name, gt.name, e.by_id, e.at, e.at
FROM zev e JOIN zt p ON p.id = e.ticket_id JOIN groups gf ON gf.id = p.group_id JOIN groups gt ON gt.id = e.group_to
WHERE e.what = 'group'
UNION ALL
-- the owner: set to the first replying agent with the reply
SELECT DISTINCT ON (e.ticket_id) 2, 1, 3, e.ticket_id, 1, e.by_id, '-', u.login, e.by_id, e.at, e.at
FROM zev e JOIN users u ON u.id = e.by_id
WHERE e.what = 'article' AND e.sender_id = 1 AND NOT e.internal AND e.type_id <> 10
ORDER BY 4, 10;
UPDATE tickets t SET
	group_id = coalesce((SELECT e.group_to FROM zev e WHERE e.ticket_id = t.id AND e.what = 'group'), t.group_id),
	owner_id = coalesce((SELECT h.id_to FROM histories h WHERE h.o_id = t.id AND h.history_attribute_id = 3), 1),
	state_id = coalesce((SELECT s.id FROM zstates z JOIN ticket_states s ON s.name = z.value_to
	                     WHERE z.ticket_id = t.id ORDER BY z.at DESC LIMIT 1), 1),
	close_at = (SELECT min(z.at) FROM zstates z WHERE z.ticket_id = t.id AND z.value_to = 'closed'),
	last_close_at = (SELECT max(z.at) FROM zstates z WHERE z.ticket_id = t.id AND z.value_to = 'closed'),
	article_count = (SELECT count(*) FROM ticket_articles a WHERE a.ticket_id = t.id AND a.sender_id <> 3),
	first_response_at = (SELECT min(a.created_at) FROM ticket_articles a JOIN ticket_article_types y ON y.id = a.type_id
	                     WHERE a.ticket_id = t.id AND a.sender_id = 1 AND NOT a.internal AND y.communication),
	last_contact_agent_at = (SELECT max(a.created_at) FROM ticket_articles a JOIN ticket_article_types y ON y.id = a.type_id
	                         WHERE a.ticket_id = t.id AND a.sender_id = 1 AND NOT a.internal AND y.communication),
	updated_at = greatest(t.updated_at, (SELECT max(e.at) FROM zev e WHERE e.ticket_id = t.id));
UPDATE tickets SET last_contact_at = greatest(last_contact_agent_at, created_at);

-- duplicates: the customer writes again as a new e-mail (a new ticket); an agent merges it into
-- the original: the new ticket's article moves to the original, the new ticket's state is merged
INSERT INTO tickets (id, group_id, priority_id, state_id, number, title, owner_id, customer_id,
	create_article_type_id, create_article_sender_id, article_count, updated_by_id, created_by_id, created_at, updated_at)
SELECT :zm_tickets + p.id, p.group_id, 2, 5, (31000 + :zm_tickets + p.id)::text, 'Re: Ticket ' || p.id, p.agent_id, p.customer_id,
	1, 2, 0, p.agent_id, p.customer_id, p.created_at + p.duplicate_after, p.created_at + p.duplicate_after + interval '20 min'
FROM zt p WHERE p.has_duplicate;
INSERT INTO ticket_articles (ticket_id, type_id, sender_id, body, internal, updated_by_id, created_by_id, created_at, updated_at)
SELECT p.id, 1, 2, 'question again', false, p.customer_id, p.customer_id, p.created_at + p.duplicate_after + interval '0.120 s',
	p.created_at + p.duplicate_after + interval '0.120 s'
FROM zt p WHERE p.has_duplicate;
INSERT INTO histories (history_type_id, history_object_id, history_attribute_id, o_id, id_from, id_to, value_from, value_to, created_by_id, created_at, updated_at)
SELECT 2, 1, 1, :zm_tickets + p.id, 1, 5, 'new', 'merged', p.agent_id, p.created_at + p.duplicate_after + interval '20 min', p.created_at + p.duplicate_after + interval '20 min'
FROM zt p WHERE p.has_duplicate;
SELECT setval(pg_get_serial_sequence(quote_ident(:'zm_schema') || '.tickets', 'id'), greatest((SELECT max(id) FROM tickets), 1)) \g /dev/null

-- ------------------------------------------------------------------------
-- Zammad's escalation statistics, the way lib/escalation computes them:
-- working segments of the SLA calendar between the two instants, less the
-- breaks (periods in states that ignore escalation, known when Zammad stored the
-- figure, their ends cut to the minute), each segment's seconds truncated, the sum
-- divided by 60 in integers.  Plain SQL with ranges, independent of the extension.
CREATE OR REPLACE FUNCTION pg_temp.zammad_minutes(tid bigint, s timestamp, e timestamp, as_of timestamp) RETURNS integer
LANGUAGE sql STABLE AS $$
WITH hours(dow, f, t) AS (
	SELECT dnum, f::time, CASE WHEN t = '23:59' THEN interval '24 hours' ELSE t::interval END FROM zhours WHERE cal = 1 AND active),
days AS (
	SELECT d::date AS day FROM generate_series(((s AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')::date - 1,
		((e AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')::date + 1, interval '1 day') d
	WHERE d::date NOT IN (SELECT day FROM zholidays WHERE active AND removed IS NOT TRUE)),
working AS (
	SELECT coalesce(range_agg(tstzrange((d.day + h.f) AT TIME ZONE 'Europe/Berlin', (d.day + h.t) AT TIME ZONE 'Europe/Berlin')), '{}') AS mr
	FROM days d JOIN hours h ON h.dow = extract(isodow FROM d.day)),
hist AS (
	SELECT h.value_from, h.value_to, h.created_at, h.id FROM histories h
	WHERE h.o_id = tid AND h.history_attribute_id = 1 AND h.created_at <= as_of),
chain AS (
	-- Zammad's mock initial state at the creation, unless a change is recorded right then
	SELECT (SELECT value_from FROM hist ORDER BY created_at, id LIMIT 1) AS state, t.created_at AS at, 0::bigint AS id
	FROM tickets t WHERE t.id = tid AND NOT EXISTS (SELECT 1 FROM hist WHERE hist.created_at = t.created_at)
	UNION ALL SELECT value_to, created_at, id FROM hist),
breaks AS (
	SELECT coalesce(range_agg(tstzrange(date_trunc('minute', c.at) AT TIME ZONE 'UTC', date_trunc('minute', c.next_at) AT TIME ZONE 'UTC')), '{}') AS mr
	FROM (SELECT state, at, lead(at) OVER (ORDER BY at, id) AS next_at FROM chain) c
	JOIN ticket_states st ON st.name = c.state
	WHERE st.ignore_escalation AND c.next_at IS NOT NULL)
SELECT div(coalesce(sum(floor(extract(epoch FROM upper(seg) - lower(seg)))), 0), 60)::integer
FROM working, breaks,
	unnest((working.mr - breaks.mr) * tstzmultirange(tstzrange(s AT TIME ZONE 'UTC', e AT TIME ZONE 'UTC'))) seg
$$;
-- the SLA (groups Users and Billing) in force when Zammad computed the figure: the group then
CREATE OR REPLACE FUNCTION pg_temp.zammad_sla_group(tid bigint, at timestamp) RETURNS boolean LANGUAGE sql STABLE AS $$
SELECT coalesce((SELECT h.id_to FROM histories h WHERE h.o_id = tid AND h.history_attribute_id = 2 AND h.created_at <= at
                 ORDER BY h.created_at DESC LIMIT 1),
                (SELECT coalesce((SELECT h.id_from FROM histories h WHERE h.o_id = tid AND h.history_attribute_id = 2
                                  ORDER BY h.created_at LIMIT 1), t.group_id) FROM tickets t WHERE t.id = tid)) IN (1, 2)
$$;
-- first_response_in_min: at the first response (or, for a ticket that came into an SLA group later,
-- when it did: Zammad then forces the statistics); close_in_min at the first close
UPDATE tickets t SET first_response_in_min = pg_temp.zammad_minutes(t.id, t.created_at,
		CASE WHEN t.close_at < t.first_response_at THEN t.close_at ELSE t.first_response_at END, x.as_of)
FROM (SELECT t2.id, CASE WHEN pg_temp.zammad_sla_group(t2.id, t2.first_response_at) THEN t2.first_response_at
                        ELSE (SELECT min(h.created_at) FROM histories h WHERE h.o_id = t2.id AND h.history_attribute_id = 2
                              AND h.created_at > t2.first_response_at AND h.id_to IN (1, 2)) END AS as_of
      FROM tickets t2 WHERE t2.first_response_at IS NOT NULL) x
WHERE x.id = t.id AND x.as_of IS NOT NULL AND t.state_id <> 5;
UPDATE tickets t SET close_in_min = pg_temp.zammad_minutes(t.id, t.created_at, t.close_at, t.close_at)
WHERE t.close_at IS NOT NULL AND pg_temp.zammad_sla_group(t.id, t.close_at);
UPDATE tickets t SET first_response_diff_in_min = 240 - t.first_response_in_min, close_diff_in_min = 2880 - t.close_in_min;

DROP TABLE zplan, zev, zt, zclose, zstates, zaudit, zhours, zholidays;
SELECT set_config('search_path', :'zm_old_search_path', false) \g /dev/null
SELECT set_config('client_min_messages', :'zm_old_cmm', false) \g /dev/null

-- examples/sources/chatwoot.sql: a month of Chatwoot traffic in schema "chatwoot".
--
--   psql -v chatwoot_conversations=600 -f examples/sources/chatwoot.sql
--
-- Drops and recreates schema chatwoot with the Chatwoot tables support_kpi's
-- create_chatwoot_views() reads (same names, columns and types as Chatwoot's
-- db/schema.rb: Rails "datetime" is timestamp without time zone, in UTC;
-- enums are integers), plus the columns around them that matter for realism,
-- and fills them with a deterministic month (March 2026) of conversations:
-- no random(), every choice is a hash of the conversation number, so every
-- run gives the same rows.  Volume: the psql variable chatwoot_conversations
-- (default 600).
--
-- Four inboxes: a web widget with an agent bot (Europe/Berlin, working hours
-- Mon-Fri 09:00-18:00, Sat 10:00-14:00), WhatsApp (America/Sao_Paulo, Mon-Fri
-- open all day, Sat 09:00-13:00), e-mail (Europe/Berlin, Mon-Fri 08:00-17:00),
-- and an API channel without working hours.  The traffic has bot-contained
-- chats and bot handoffs, greetings, private notes, assignment and status
-- activity messages, automation-rule messages, transfers between agents,
-- unanswered chats closed by auto-resolve, conversations still open at the
-- end, a snoozed one, outbound conversations (an agent writes first: mostly
-- e-mails, some never answered by the customer), reopened conversations (the customer writes back after
-- the resolution), overnight and weekend e-mails answered at the next
-- opening, CSAT surveys and their answers.
--
-- Chatwoot's own figures (reporting_events) are written the way Chatwoot
-- writes them (app/listeners/reporting_event_listener.rb, ReportingEventHelper,
-- Message#dispatch_create_events, Conversation callbacks; read, not copied):
--   first_response    first human reply (outgoing, not private, sender a User,
--                     no automation rule or campaign): whole seconds
--                     (to_i of each end) from the last bot handoff or
--                     conversation_opened event, else the conversation's
--                     created_at; user_id the replying agent
--   reply_time        every later human reply while conversations.waiting_since
--                     is set: from waiting_since (set by the first incoming
--                     message after a human reply, cleared by the reply and by a
--                     resolution) to the reply
--   conversation_resolved  each resolution: from created_at to the resolution
--                     (a reopened conversation has one per resolution)
--   conversation_bot_resolved  a copy of conversation_resolved when the inbox
--                     has a bot and no User ever sent an outgoing message
--   conversation_bot_handoff   the first handoff only: created_at -> handoff
--   conversation_opened        every change of status to open: value 0 the
--                     first time, else the time since the last resolution
-- value_in_business_hours: the working time of the inbox (working_hours in its
-- timezone, as the working_hours gem counts it: wall-clock ranges per day,
-- rounded to whole seconds; an open_all_day day is stored by Chatwoot as
-- 00:00-23:59), 0 when working_hours_enabled is false.  The working time is
-- computed here by plain SQL over the working_hours rows, independently of
-- support_kpi's business calendars.
--
-- Not modelled: several accounts (one account, id 1), contact_inboxes,
-- attachments, SLA policies, labels, Captain (AI assistant) events.

\set ON_ERROR_STOP 1
\if :{?chatwoot_conversations}
\else
\set chatwoot_conversations 600
\endif
SET client_min_messages = warning;
SELECT set_config('chatwoot.conversations', :'chatwoot_conversations', false) \g /dev/null

DROP SCHEMA IF EXISTS chatwoot CASCADE;
CREATE SCHEMA chatwoot;

-- Tables (a subset of each table's columns, with Chatwoot's names and types)
CREATE TABLE chatwoot.users (
	id serial PRIMARY KEY,
	name character varying NOT NULL,
	display_name character varying,
	email character varying,
	type character varying,                 -- NULL, or 'SuperAdmin'
	availability integer DEFAULT 0,
	created_at timestamp(6) without time zone NOT NULL,
	updated_at timestamp(6) without time zone NOT NULL
);
CREATE TABLE chatwoot.teams (
	id bigserial PRIMARY KEY,
	name character varying NOT NULL,
	description text,
	allow_auto_assign boolean DEFAULT true,
	account_id bigint NOT NULL,
	created_at timestamp(6) without time zone NOT NULL,
	updated_at timestamp(6) without time zone NOT NULL
);
CREATE TABLE chatwoot.agent_bots (
	id bigserial PRIMARY KEY,
	name character varying,
	description character varying,
	outgoing_url character varying,
	account_id bigint,
	bot_type integer DEFAULT 0,
	created_at timestamp(6) without time zone NOT NULL,
	updated_at timestamp(6) without time zone NOT NULL
);
CREATE TABLE chatwoot.contacts (
	id serial PRIMARY KEY,
	name character varying DEFAULT '',
	email character varying,
	phone_number character varying,
	account_id integer NOT NULL,
	created_at timestamp(6) without time zone NOT NULL,
	updated_at timestamp(6) without time zone NOT NULL
);
CREATE TABLE chatwoot.inboxes (
	id serial PRIMARY KEY,
	channel_id integer NOT NULL,
	account_id integer NOT NULL,
	name character varying NOT NULL,
	created_at timestamp(6) without time zone NOT NULL,
	updated_at timestamp(6) without time zone NOT NULL,
	channel_type character varying,
	enable_auto_assignment boolean DEFAULT true,
	greeting_enabled boolean DEFAULT false,
	greeting_message character varying,
	email_address character varying,
	working_hours_enabled boolean DEFAULT false,
	out_of_office_message character varying,
	timezone character varying DEFAULT 'UTC',
	enable_email_collect boolean DEFAULT true,
	csat_survey_enabled boolean DEFAULT false,
	allow_messages_after_resolved boolean DEFAULT true
);
CREATE TABLE chatwoot.agent_bot_inboxes (
	id bigserial PRIMARY KEY,
	inbox_id integer,
	agent_bot_id integer,
	status integer DEFAULT 0,
	account_id integer,
	created_at timestamp(6) without time zone NOT NULL,
	updated_at timestamp(6) without time zone NOT NULL
);
CREATE TABLE chatwoot.working_hours (
	id bigserial PRIMARY KEY,
	inbox_id bigint,
	account_id bigint,
	day_of_week integer NOT NULL,           -- 0 Sunday .. 6 Saturday
	closed_all_day boolean DEFAULT false,
	open_hour integer,
	open_minutes integer,
	close_hour integer,
	close_minutes integer,
	created_at timestamp(6) without time zone NOT NULL,
	updated_at timestamp(6) without time zone NOT NULL,
	open_all_day boolean DEFAULT false
);
CREATE TABLE chatwoot.conversations (
	id serial PRIMARY KEY,
	account_id integer NOT NULL,
	inbox_id integer NOT NULL,
	status integer DEFAULT 0 NOT NULL,      -- open 0, resolved 1, pending 2, snoozed 3
	assignee_id integer,
	created_at timestamp without time zone NOT NULL,
	updated_at timestamp without time zone NOT NULL,
	contact_id bigint,
	display_id integer NOT NULL,
	contact_last_seen_at timestamp without time zone,
	agent_last_seen_at timestamp without time zone,
	additional_attributes jsonb DEFAULT '{}',
	contact_inbox_id bigint,
	uuid uuid NOT NULL,
	identifier character varying,
	last_activity_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
	team_id bigint,
	campaign_id bigint,
	snoozed_until timestamp without time zone,
	custom_attributes jsonb DEFAULT '{}',
	assignee_last_seen_at timestamp without time zone,
	first_reply_created_at timestamp without time zone,
	priority integer,
	sla_policy_id bigint,
	waiting_since timestamp(6) without time zone
);
CREATE TABLE chatwoot.messages (
	id serial PRIMARY KEY,
	content text,
	account_id integer NOT NULL,
	inbox_id integer NOT NULL,
	conversation_id integer NOT NULL,
	message_type integer NOT NULL,          -- incoming 0, outgoing 1, activity 2, template 3
	created_at timestamp without time zone NOT NULL,
	updated_at timestamp without time zone NOT NULL,
	private boolean DEFAULT false NOT NULL,
	status integer DEFAULT 0,
	source_id text,
	content_type integer DEFAULT 0 NOT NULL, -- text 0, ..., input_csat 9, ...
	content_attributes json DEFAULT '{}',
	sender_type character varying,          -- 'Contact', 'User', 'AgentBot', 'Captain::Assistant' or NULL
	sender_id bigint,
	external_source_ids jsonb DEFAULT '{}',
	additional_attributes jsonb DEFAULT '{}',
	processed_message_content text,
	sentiment jsonb DEFAULT '{}'
);
CREATE TABLE chatwoot.reporting_events (
	id bigserial PRIMARY KEY,
	name character varying,
	value double precision,
	account_id integer,
	inbox_id integer,
	user_id integer,
	conversation_id integer,
	created_at timestamp without time zone NOT NULL,
	updated_at timestamp without time zone NOT NULL,
	value_in_business_hours double precision,
	event_start_time timestamp without time zone,
	event_end_time timestamp without time zone
);
CREATE TABLE chatwoot.csat_survey_responses (
	id bigserial PRIMARY KEY,
	account_id bigint NOT NULL,
	conversation_id bigint NOT NULL,
	message_id bigint NOT NULL,
	rating integer NOT NULL,
	feedback_message text,
	contact_id bigint NOT NULL,
	assigned_agent_id bigint,
	created_at timestamp(6) without time zone NOT NULL,
	updated_at timestamp(6) without time zone NOT NULL
);
-- some of Chatwoot's indexes (the ones its reports use)
CREATE INDEX index_messages_on_conversation_id ON chatwoot.messages (conversation_id);
CREATE INDEX index_reporting_events_on_conversation_id ON chatwoot.reporting_events (conversation_id);
CREATE INDEX index_reporting_events_on_name ON chatwoot.reporting_events (name);
CREATE INDEX index_conversations_on_inbox_id ON chatwoot.conversations (inbox_id);
CREATE INDEX index_csat_survey_responses_on_conversation_id ON chatwoot.csat_survey_responses (conversation_id);

-- Configuration: agents, teams, the bot, inboxes and their working hours
INSERT INTO chatwoot.users (name, display_name, email, created_at, updated_at)
SELECT n, n, lower(n) || '@example.com', '2025-01-01', '2025-01-01'
FROM unnest(ARRAY['Anna', 'Boris', 'Chen', 'Dana', 'Emil', 'Fatima', 'Goran', 'Hana',
                  'Ines', 'Jonas', 'Kemal', 'Lea']) WITH ORDINALITY u(n, i) ORDER BY i;
INSERT INTO chatwoot.teams (name, account_id, created_at, updated_at) VALUES
	('Chat', 1, '2025-01-01', '2025-01-01'), ('Back office', 1, '2025-01-01', '2025-01-01');
INSERT INTO chatwoot.agent_bots (name, account_id, created_at, updated_at) VALUES ('Helper bot', 1, '2025-01-01', '2025-01-01');
INSERT INTO chatwoot.inboxes (channel_id, account_id, name, created_at, updated_at, channel_type, greeting_enabled,
		greeting_message, working_hours_enabled, out_of_office_message, timezone, csat_survey_enabled) VALUES
	(1, 1, 'Website', '2025-01-01', '2025-01-01', 'Channel::WebWidget', true, 'Hi! How can we help?', true,
	 'We are away, we will reply in the morning.', 'Europe/Berlin', true),
	(1, 1, 'WhatsApp', '2025-01-01', '2025-01-01', 'Channel::Whatsapp', false, NULL, true, NULL, 'America/Sao_Paulo', true),
	(1, 1, 'Support e-mail', '2025-01-01', '2025-01-01', 'Channel::Email', false, NULL, true, NULL, 'Europe/Berlin', false),
	(1, 1, 'Partner API', '2025-01-01', '2025-01-01', 'Channel::Api', false, NULL, false, NULL, 'UTC', false);
INSERT INTO chatwoot.agent_bot_inboxes (inbox_id, agent_bot_id, status, account_id, created_at, updated_at)
VALUES (1, 1, 0, 1, '2025-01-01', '2025-01-01');
-- every inbox has its seven rows (Chatwoot creates them with the inbox)
INSERT INTO chatwoot.working_hours (inbox_id, account_id, day_of_week, closed_all_day, open_hour, open_minutes,
		close_hour, close_minutes, open_all_day, created_at, updated_at)
SELECT i, 1, d, h.oh IS NULL, h.oh, h.om, h.ch, h.cm, coalesce(h.all_day, false), '2025-01-01', '2025-01-01'
FROM generate_series(1, 4) i CROSS JOIN generate_series(0, 6) d
LEFT JOIN (VALUES (1, 1, 5, 9, 0, 18, 0, false), (1, 6, 6, 10, 0, 14, 0, false),
                  -- open all day: Chatwoot stores 00:00-23:59
                  (2, 1, 5, 0, 0, 23, 59, true), (2, 6, 6, 9, 0, 13, 0, false),
                  (3, 1, 5, 8, 0, 17, 0, false),
                  (4, 0, 6, 9, 0, 17, 0, false))   -- working hours disabled on this inbox
	h(inbox, d1, d2, oh, om, ch, cm, all_day) ON h.inbox = i AND d BETWEEN h.d1 AND h.d2
ORDER BY i, d;

-- Helpers (session-local): a uniform number in [0, 1) from a hash
CREATE OR REPLACE FUNCTION pg_temp.u(i integer, k text) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
	SELECT ('x' || left(md5(i::text || '/' || k), 8))::bit(32)::bigint / 4294967296.0
$$;
-- whole seconds since the epoch (Ruby's Time#to_i)
CREATE OR REPLACE FUNCTION pg_temp.to_i(t timestamp) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
	SELECT floor(extract(epoch FROM t))::bigint
$$;
-- the working time of an inbox between two UTC instants, as the working_hours
-- gem counts it: for each local day, its open range in the inbox's zone
CREATE OR REPLACE FUNCTION pg_temp.work(inbox integer, a timestamp, b timestamp) RETURNS double precision
LANGUAGE plpgsql STABLE AS $$
DECLARE tz text; d date; s double precision := 0; w record; o timestamp; c timestamp;
BEGIN
	SELECT timezone INTO tz FROM chatwoot.inboxes WHERE id = inbox;
	IF b <= a THEN RETURN 0; END IF;
	d := (a AT TIME ZONE 'UTC' AT TIME ZONE tz)::date - 1;
	WHILE d <= (b AT TIME ZONE 'UTC' AT TIME ZONE tz)::date LOOP
		FOR w IN SELECT * FROM chatwoot.working_hours WHERE inbox_id = inbox
				AND day_of_week = extract(dow FROM d) AND NOT closed_all_day LOOP
			o := (d + make_time(w.open_hour, w.open_minutes, 0)) AT TIME ZONE tz AT TIME ZONE 'UTC';
			c := (d + make_time(w.close_hour, w.close_minutes, 0)) AT TIME ZONE tz AT TIME ZONE 'UTC';
			IF greatest(o, a) < least(c, b) THEN
				s := s + extract(epoch FROM least(c, b) - greatest(o, a));
			END IF;
		END LOOP;
		d := d + 1;
	END LOOP;
	RETURN s;
END $$;
-- Chatwoot's value_in_business_hours: 0 without working hours, else rounded
CREATE OR REPLACE FUNCTION pg_temp.bh(inbox integer, a timestamp, b timestamp) RETURNS double precision
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN NOT i.working_hours_enabled THEN 0
	            ELSE round(pg_temp.work(inbox, a, b)::numeric)::double precision END
	FROM chatwoot.inboxes i WHERE i.id = inbox
$$;
-- the first instant at or after t inside the inbox's working hours (t itself
-- when the inbox has none): agents answer when they are at work
CREATE OR REPLACE FUNCTION pg_temp.next_open(inbox integer, t timestamp) RETURNS timestamp
LANGUAGE plpgsql STABLE AS $$
DECLARE tz text; en boolean; d date; w record; o timestamp; c timestamp;
BEGIN
	SELECT timezone, working_hours_enabled INTO tz, en FROM chatwoot.inboxes WHERE id = inbox;
	IF NOT en THEN RETURN t; END IF;
	d := (t AT TIME ZONE 'UTC' AT TIME ZONE tz)::date;
	FOR k IN 0 .. 14 LOOP
		FOR w IN SELECT * FROM chatwoot.working_hours WHERE inbox_id = inbox
				AND day_of_week = extract(dow FROM d + k) AND NOT closed_all_day LOOP
			o := (d + k + make_time(w.open_hour, w.open_minutes, 0)) AT TIME ZONE tz AT TIME ZONE 'UTC';
			c := (d + k + make_time(w.close_hour, w.close_minutes, 0)) AT TIME ZONE tz AT TIME ZONE 'UTC';
			IF t < c THEN RETURN greatest(t, o); END IF;
		END LOOP;
	END LOOP;
	RETURN t;
END $$;
-- a reporting event, written a moment after its end by the background job
CREATE OR REPLACE FUNCTION pg_temp.ev(ename text, conv integer, val double precision, bhv double precision, usr integer,
		st timestamp, en timestamp) RETURNS void LANGUAGE sql AS $$
	INSERT INTO chatwoot.reporting_events (name, value, account_id, inbox_id, user_id, conversation_id,
		created_at, updated_at, value_in_business_hours, event_start_time, event_end_time)
	SELECT ename, val, 1, c.inbox_id, usr, conv, en + interval '1.5 s', en + interval '1.5 s', bhv, st, en
	FROM chatwoot.conversations c WHERE c.id = conv
$$;
-- conversation_opened: value 0 the first time, else the time since the last resolution
CREATE OR REPLACE FUNCTION pg_temp.opened(conv integer, at timestamp) RETURNS void LANGUAGE plpgsql AS $$
DECLARE c chatwoot.conversations; r timestamp;
BEGIN
	SELECT * INTO c FROM chatwoot.conversations WHERE id = conv;
	SELECT max(event_end_time) INTO r FROM chatwoot.reporting_events
	WHERE conversation_id = conv AND name = 'conversation_resolved' AND event_end_time <= at;
	IF r IS NULL THEN
		PERFORM pg_temp.ev('conversation_opened', conv, 0, 0, c.assignee_id, c.created_at, at);
	ELSE
		PERFORM pg_temp.ev('conversation_opened', conv, pg_temp.to_i(at) - pg_temp.to_i(r),
			pg_temp.bh(c.inbox_id, r, at), c.assignee_id, r, at);
	END IF;
END $$;
-- a message, and what Chatwoot does after creating it: reopen a resolved
-- conversation on an incoming message, the first-reply and reply-time events,
-- waiting_since
CREATE OR REPLACE FUNCTION pg_temp.msg(conv integer, mtype integer, priv boolean, stype text, sid bigint, at timestamp,
		body text, cattrs json DEFAULT '{}', aattrs jsonb DEFAULT '{}', ctype integer DEFAULT 0) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE c chatwoot.conversations; mid integer; human boolean; start timestamp; bot boolean;
BEGIN
	SELECT * INTO c FROM chatwoot.conversations WHERE id = conv;
	INSERT INTO chatwoot.messages (content, account_id, inbox_id, conversation_id, message_type, created_at,
		updated_at, private, content_type, content_attributes, sender_type, sender_id, additional_attributes,
		processed_message_content)
	VALUES (body, 1, c.inbox_id, conv, mtype, at, at, priv, ctype, cattrs, stype, sid, aattrs, body)
	RETURNING id INTO mid;
	UPDATE chatwoot.conversations SET last_activity_at = at, updated_at = greatest(updated_at, at) WHERE id = conv;
	-- reopen: an incoming message into a resolved conversation (pending for the bot, else open)
	IF mtype = 0 AND c.status = 1 THEN
		bot := EXISTS (SELECT FROM chatwoot.agent_bot_inboxes WHERE inbox_id = c.inbox_id AND status = 0);
		UPDATE chatwoot.conversations SET status = CASE WHEN bot THEN 2 ELSE 0 END WHERE id = conv;
		IF NOT bot THEN PERFORM pg_temp.opened(conv, at); END IF;
	END IF;
	SELECT * INTO c FROM chatwoot.conversations WHERE id = conv;
	human := mtype = 1 AND stype = 'User' AND cattrs ->> 'automation_rule_id' IS NULL
		AND aattrs ->> 'campaign_id' IS NULL;
	IF human AND NOT priv AND c.first_reply_created_at IS NULL
	   AND (SELECT count(*) FROM chatwoot.messages WHERE conversation_id = conv AND message_type = 1
	        AND sender_type NOT IN ('AgentBot', 'Captain::Assistant') AND NOT private
	        AND additional_attributes -> 'campaign_id' IS NULL) <= 1 THEN
		-- first reply: from the last handoff or opening, else the bot's resolution, else creation
		SELECT coalesce((SELECT event_end_time FROM chatwoot.reporting_events WHERE conversation_id = conv
		                 AND name IN ('conversation_bot_handoff', 'conversation_opened')
		                 ORDER BY event_end_time DESC LIMIT 1),
		                (SELECT event_end_time FROM chatwoot.reporting_events WHERE conversation_id = conv
		                 AND name = 'conversation_bot_resolved' ORDER BY id DESC LIMIT 1),
		                c.created_at) INTO start;
		PERFORM pg_temp.ev('first_response', conv, pg_temp.to_i(at) - pg_temp.to_i(start),
			pg_temp.bh(c.inbox_id, start, at), sid::integer, start, at);
		UPDATE chatwoot.conversations SET first_reply_created_at = at, waiting_since = NULL WHERE id = conv;
	ELSE
		IF human AND NOT priv AND c.waiting_since IS NOT NULL THEN
			PERFORM pg_temp.ev('reply_time', conv, pg_temp.to_i(at) - pg_temp.to_i(c.waiting_since),
				pg_temp.bh(c.inbox_id, c.waiting_since, at), sid::integer, c.waiting_since, at);
			UPDATE chatwoot.conversations SET waiting_since = NULL WHERE id = conv;
		END IF;
		IF mtype = 0 AND c.waiting_since IS NULL THEN
			UPDATE chatwoot.conversations SET waiting_since = at WHERE id = conv;
		END IF;
	END IF;
	RETURN mid;
END $$;
-- the bot hands the conversation to the agents: status open (conversation_opened)
-- and, the first time only, conversation_bot_handoff
CREATE OR REPLACE FUNCTION pg_temp.handoff(conv integer, at timestamp) RETURNS void LANGUAGE plpgsql AS $$
DECLARE c chatwoot.conversations;
BEGIN
	SELECT * INTO c FROM chatwoot.conversations WHERE id = conv;
	UPDATE chatwoot.conversations SET status = 0, updated_at = at WHERE id = conv;
	PERFORM pg_temp.opened(conv, at);
	IF NOT EXISTS (SELECT FROM chatwoot.reporting_events WHERE conversation_id = conv AND name = 'conversation_bot_handoff') THEN
		PERFORM pg_temp.ev('conversation_bot_handoff', conv, pg_temp.to_i(at) - pg_temp.to_i(c.created_at),
			pg_temp.bh(c.inbox_id, c.created_at, at), c.assignee_id, c.created_at, at);
	END IF;
	PERFORM pg_temp.msg(conv, 2, false, NULL, NULL, at, 'Conversation was handed over to the team by the bot');
END $$;
-- a resolution (by an agent, by the bot, or by auto-resolve: usr NULL)
CREATE OR REPLACE FUNCTION pg_temp.resolve(conv integer, at timestamp, usr integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE c chatwoot.conversations;
BEGIN
	UPDATE chatwoot.conversations SET status = 1, waiting_since = NULL, updated_at = at WHERE id = conv
	RETURNING * INTO c;
	PERFORM pg_temp.ev('conversation_resolved', conv, pg_temp.to_i(at) - pg_temp.to_i(c.created_at),
		pg_temp.bh(c.inbox_id, c.created_at, at), coalesce(usr, c.assignee_id), c.created_at, at);
	IF EXISTS (SELECT FROM chatwoot.agent_bot_inboxes WHERE inbox_id = c.inbox_id AND status = 0)
	   AND NOT EXISTS (SELECT FROM chatwoot.messages WHERE conversation_id = conv AND message_type = 1
	                   AND sender_type = 'User') THEN
		PERFORM pg_temp.ev('conversation_bot_resolved', conv, pg_temp.to_i(at) - pg_temp.to_i(c.created_at),
			pg_temp.bh(c.inbox_id, c.created_at, at), coalesce(usr, c.assignee_id), c.created_at, at);
	END IF;
	PERFORM pg_temp.msg(conv, 2, false, NULL, NULL, at,
		CASE WHEN usr IS NULL THEN 'Conversation was marked resolved by system'
		     ELSE 'Conversation was marked resolved by ' || (SELECT name FROM chatwoot.users WHERE id = usr) END);
END $$;
-- an agent takes the conversation (an activity message, the assignee)
CREATE OR REPLACE FUNCTION pg_temp.assign(conv integer, at timestamp, usr integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	UPDATE chatwoot.conversations SET assignee_id = usr WHERE id = conv;
	PERFORM pg_temp.msg(conv, 2, false, NULL, NULL, at,
		'Assigned to ' || (SELECT name FROM chatwoot.users WHERE id = usr) || ' by System');
END $$;
-- an agent's answer time: a log-logistic wait with the given median, from the
-- next working instant of the inbox
CREATE OR REPLACE FUNCTION pg_temp.wait(i integer, k text, median double precision) RETURNS interval
LANGUAGE sql IMMUTABLE AS $$
	SELECT make_interval(secs => round((median * power(greatest(pg_temp.u(i, k), 0.001)
	       / (1 - least(pg_temp.u(i, k), 0.995)), 0.7))::numeric, 3)::double precision + 2)
$$;

-- The month: one conversation after another, each a little story
DO $$
DECLARE
	n integer := current_setting('chatwoot.conversations')::integer;
	i integer; inbox integer; chat boolean; t timestamp; created timestamp; offered timestamp;
	agent integer; other integer; turns integer; mid integer; contact integer;
	med double precision;
BEGIN
	FOR i IN 1 .. n LOOP
		inbox := CASE WHEN pg_temp.u(i, 'inbox') < 0.45 THEN 1 WHEN pg_temp.u(i, 'inbox') < 0.70 THEN 2
		              WHEN pg_temp.u(i, 'inbox') < 0.85 THEN 3 ELSE 4 END;
		chat := inbox <> 3;
		med := CASE WHEN chat THEN 45 ELSE 5400 END;
		-- arrival: most during the day, some at night; milliseconds as Rails stores them
		created := timestamp '2026-03-01' + floor(pg_temp.u(i, 'day') * 31) * interval '1 day'
			+ make_interval(secs => round((CASE WHEN pg_temp.u(i, 'night') < 0.8
			                                    THEN 7 + 12 * pg_temp.u(i, 'tod') ELSE 24 * pg_temp.u(i, 'tod') END
			                               * 3600)::numeric, 3)::double precision);
		contact := 1 + floor(pg_temp.u(i, 'contact') * greatest(n * 0.6, 1))::integer;
		IF NOT EXISTS (SELECT FROM chatwoot.contacts WHERE id = contact) THEN
			INSERT INTO chatwoot.contacts (id, name, email, account_id, created_at, updated_at)
			VALUES (contact, 'Customer ' || contact, 'customer' || contact || '@example.net', 1, created, created);
		END IF;
		INSERT INTO chatwoot.conversations (id, account_id, inbox_id, status, created_at, updated_at, contact_id,
			display_id, uuid, last_activity_at, team_id, waiting_since)
		VALUES (i, 1, inbox, CASE WHEN inbox = 1 THEN 2 ELSE 0 END, created, created, contact, i,
			md5('conversation' || i)::uuid, created, CASE WHEN chat THEN 1 ELSE 2 END, created);
		-- outbound: an agent starts the conversation (mostly e-mails about an order; a few
		-- WhatsApp messages); Chatwoot times its first_response from the creation to this
		-- opening message.  The customer answers hours later, or never (the agent resolves
		-- it three days later).
		IF inbox = 3 AND pg_temp.u(i, 'outbound') < 0.15 OR inbox = 2 AND pg_temp.u(i, 'outbound') < 0.03 THEN
			agent := CASE WHEN chat THEN 1 + floor(pg_temp.u(i, 'agent') * 8)::integer
			              ELSE 9 + floor(pg_temp.u(i, 'agent') * 4)::integer END;
			UPDATE chatwoot.conversations SET assignee_id = agent WHERE id = i;
			t := created + make_interval(secs => round((0.05 + 2 * pg_temp.u(i, 'ms'))::numeric, 3)::double precision);
			PERFORM pg_temp.msg(i, 1, false, 'User', agent, t, 'Hello, about your order: it ships next week.');
			IF pg_temp.u(i, 'outreply') < 0.25 THEN
				PERFORM pg_temp.resolve(i, t + interval '3 days', agent);
				CONTINUE;
			END IF;
			t := t + make_interval(mins => 30 + floor(600 * pg_temp.u(i, 'outt'))::integer,
			                       secs => round(pg_temp.u(i, 'outs')::numeric, 3)::double precision);
			PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t, 'Thanks, can it come sooner?');
			t := pg_temp.next_open(inbox, t) + pg_temp.wait(i, 'wo', med / 2);
			PERFORM pg_temp.msg(i, 1, false, 'User', agent, t, 'Yes, I changed it to express.');
			t := t + make_interval(mins => 10 + floor(110 * pg_temp.u(i, 'res'))::integer);
			PERFORM pg_temp.resolve(i, t, agent);
			CONTINUE;
		END IF;
		-- the customer's first message, a few milliseconds after the conversation
		t := created + make_interval(secs => round((0.005 + 0.3 * pg_temp.u(i, 'ms'))::numeric, 3)::double precision);
		PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t, 'Hello, I have a question about my order');
		offered := t;
		IF inbox = 1 THEN
			PERFORM pg_temp.msg(i, 3, false, NULL, NULL, t + interval '1 s', 'Hi! How can we help?');
			t := t + make_interval(secs => 2 + 3 * pg_temp.u(i, 'bot1'));
			PERFORM pg_temp.msg(i, 1, false, 'AgentBot', 1, t, 'I am the helper bot. What is it about?');
			t := t + make_interval(secs => 15 + 60 * pg_temp.u(i, 'c2'));
			PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t, 'Where is my parcel?');
			t := t + make_interval(secs => 2 + 2 * pg_temp.u(i, 'bot2'));
			PERFORM pg_temp.msg(i, 1, false, 'AgentBot', 1, t, 'Here is the tracking page.');
			IF pg_temp.u(i, 'contained') < 0.3 THEN
				-- the bot's answer was enough: the bot resolves
				t := t + make_interval(secs => 30 + 120 * pg_temp.u(i, 'botres'));
				IF pg_temp.u(i, 'thanksbot') < 0.5 THEN
					PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t - interval '20 s', 'Thanks!');
				END IF;
				PERFORM pg_temp.resolve(i, t, NULL);
				CONTINUE;
			END IF;
			t := t + make_interval(secs => 5 + 25 * pg_temp.u(i, 'handoff'));
			PERFORM pg_temp.handoff(i, t);
			offered := t;
		END IF;
		-- an automation rule answers some WhatsApp chats first (no sender)
		IF inbox = 2 AND pg_temp.u(i, 'auto') < 0.1 THEN
			PERFORM pg_temp.msg(i, 1, false, NULL, NULL, t + interval '1 s', 'We received your message.',
				'{"automation_rule_id": 3}');
		END IF;
		-- unanswered: still waiting at the end, or the customer gave up (auto-resolve after 24 h)
		IF chat AND pg_temp.u(i, 'abandon') < 0.1 THEN
			IF pg_temp.u(i, 'again') < 0.5 THEN
				t := t + make_interval(secs => 40 + 200 * pg_temp.u(i, 'againt'));
				PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t, 'Hello? Anyone there?');
			END IF;
			IF pg_temp.u(i, 'stillopen') < 0.2 THEN CONTINUE; END IF;
			PERFORM pg_temp.resolve(i, t + interval '24 hours', NULL);
			CONTINUE;
		END IF;
		-- an agent takes it and answers
		agent := CASE WHEN chat THEN 1 + floor(pg_temp.u(i, 'agent') * 8)::integer
		              ELSE 9 + floor(pg_temp.u(i, 'agent') * 4)::integer END;
		t := pg_temp.next_open(inbox, t) + pg_temp.wait(i, 'w0', med);
		PERFORM pg_temp.assign(i, t - interval '3 s', agent);
		IF pg_temp.u(i, 'note') < 0.2 THEN
			PERFORM pg_temp.msg(i, 1, true, 'User', agent, t - interval '2 s', 'Private note: VIP customer');
		END IF;
		PERFORM pg_temp.msg(i, 1, false, 'User', agent, t, 'Hello, let me check that for you.');
		turns := floor(pg_temp.u(i, 'turns') * CASE WHEN chat THEN 4 ELSE 2 END)::integer;
		FOR k IN 1 .. turns LOOP
			t := t + CASE WHEN chat THEN make_interval(secs => 20 + 300 * pg_temp.u(i, 'gap' || k))
			              ELSE make_interval(hours => 1 + floor(20 * pg_temp.u(i, 'gap' || k))::integer) END;
			PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t, 'And what about the invoice?');
			IF pg_temp.u(i, 'two' || k) < 0.3 THEN
				t := t + make_interval(secs => 10 + 50 * pg_temp.u(i, 'twot' || k));
				PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t, 'It is number 4711.');
			END IF;
			IF k = 1 AND pg_temp.u(i, 'transfer') < 0.12 THEN
				-- handed to a colleague, who answers from now on
				other := CASE WHEN chat THEN 1 + (agent + floor(pg_temp.u(i, 'other') * 7)::integer) % 8
				              ELSE 9 + (agent - 9 + 1 + floor(pg_temp.u(i, 'other') * 3)::integer) % 4 END;
				PERFORM pg_temp.assign(i, t + interval '5 s', other);
				agent := other;
			END IF;
			t := pg_temp.next_open(inbox, t) + pg_temp.wait(i, 'w' || k, med / 2);
			PERFORM pg_temp.msg(i, 1, false, 'User', agent, t, 'Here you are.');
		END LOOP;
		IF pg_temp.u(i, 'thanks') < 0.3 THEN
			t := t + make_interval(secs => 10 + 100 * pg_temp.u(i, 'thankst'));
			PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t, 'Thank you!');
		END IF;
		IF pg_temp.u(i, 'left') < 0.04 THEN CONTINUE; END IF;          -- still open
		IF pg_temp.u(i, 'left') < 0.06 THEN                             -- snoozed until next week
			UPDATE chatwoot.conversations SET status = 3, snoozed_until = t + interval '7 days' WHERE id = i;
			CONTINUE;
		END IF;
		t := t + CASE WHEN chat THEN make_interval(secs => 60 + 540 * pg_temp.u(i, 'res'))
		              ELSE make_interval(mins => 10 + floor(110 * pg_temp.u(i, 'res'))::integer) END;
		PERFORM pg_temp.resolve(i, t, agent);
		IF inbox IN (1, 2) THEN
			mid := pg_temp.msg(i, 3, false, NULL, NULL, t + interval '1 s', 'Please rate the conversation',
				'{}', '{}', 9);
			IF pg_temp.u(i, 'csat') < 0.4 THEN
				INSERT INTO chatwoot.csat_survey_responses (account_id, conversation_id, message_id, rating, contact_id,
					assigned_agent_id, created_at, updated_at)
				VALUES (1, i, mid, CASE WHEN pg_temp.u(i, 'rating') < 0.55 THEN 5 WHEN pg_temp.u(i, 'rating') < 0.75 THEN 4
				                        WHEN pg_temp.u(i, 'rating') < 0.85 THEN 3 WHEN pg_temp.u(i, 'rating') < 0.93 THEN 2
				                        ELSE 1 END,
					contact, agent, t + interval '2 min', t + interval '2 min');
			END IF;
		END IF;
		-- reopened: the customer writes back hours later; the conversation opens again
		IF pg_temp.u(i, 'reopen') < 0.12 THEN
			t := t + make_interval(hours => 2 + floor(40 * pg_temp.u(i, 'reopent'))::integer);
			PERFORM pg_temp.msg(i, 0, false, 'Contact', contact, t, 'Sorry, one more thing.');
			IF inbox = 1 THEN
				t := t + interval '3 s';
				PERFORM pg_temp.msg(i, 1, false, 'AgentBot', 1, t, 'Welcome back! Let me find someone.');
				t := t + interval '10 s';
				PERFORM pg_temp.handoff(i, t);
			END IF;
			t := pg_temp.next_open(inbox, t) + pg_temp.wait(i, 'wr', med);
			PERFORM pg_temp.msg(i, 1, false, 'User', agent, t, 'Sure, done.');
			t := t + make_interval(secs => 60 + 300 * pg_temp.u(i, 'res2'));
			PERFORM pg_temp.resolve(i, t, agent);
		END IF;
	END LOOP;
END $$;

SELECT setval(pg_get_serial_sequence('chatwoot.conversations', 'id'), (SELECT max(id) FROM chatwoot.conversations)) \g /dev/null
SELECT setval(pg_get_serial_sequence('chatwoot.contacts', 'id'), (SELECT max(id) FROM chatwoot.contacts)) \g /dev/null
ANALYZE chatwoot.conversations, chatwoot.messages, chatwoot.reporting_events;

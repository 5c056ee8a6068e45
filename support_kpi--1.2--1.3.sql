/* support_kpi--1.2--1.3.sql: version 1.3 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION support_kpi UPDATE TO '1.3'" to load this file. \quit

--------------------------------------------------------------------------
-- Install-time capture (issue 13).  A SQL-standard body (BEGIN ATOMIC,
-- RETURN) is bound once, when CREATE FUNCTION runs, under the install
-- search_path (the target schema, then pg_temp; pg_catalog implicitly
-- first).  Every call in it that reached a built-in only through an
-- implicit cast -- make_interval(secs => <integer>), <integer> *
-- <double precision>, <double precision> < <numeric literal> -- bound
-- instead to an exact-type overload that already existed in the target
-- schema (or in public) when the extension was created: code planted by a
-- role with CREATE there then ran as whoever called the function.
--
-- From 1.3 on, every SQL-language body of the extension names only
-- pg_catalog objects, schema-qualified and with arguments of exactly
-- their parameter types (OPERATOR(pg_catalog.*), pg_catalog.make_interval,
-- typed literals), or @extschema@ objects, also with exact argument types.
-- Unqualified constructs that use no operator or function lookup (CASE,
-- COALESCE, LEAST, UNION, ORDER BY with the default operator class, casts)
-- stay as they are.  sql/security.sql checks this from the catalog: no
-- object of the extension depends on an object outside pg_catalog and the
-- extension.  CREATE OR REPLACE re-binds the body and records its
-- dependencies anew, so an installation updated from 1.2, whose body may be
-- bound to a planted object, is clean after ALTER EXTENSION UPDATE.  1.2 is
-- withdrawn as a target: support_kpi--1.1--1.2.sql is no longer installed,
-- 1.1 updates straight to 1.3 (support_kpi--1.1--1.3.sql), and this script
-- serves the installations of 1.2 made before.
--
-- The rows are unchanged: each expression keeps the type the implicit
-- resolution gave it (numeric where an integer met a numeric literal,
-- double precision where it met a double precision), so round() rounds as
-- before (sql/demo.sql pins the md5 of the rows).
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.generate_demo_events(months integer DEFAULT 12,
	start_month date DEFAULT '2026-01-01', seed bigint DEFAULT 42)
RETURNS TABLE (contact_id bigint, at timestamptz, kind @extschema@.contact_event_kind,
	party @extschema@.contact_party, operator_id text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH c AS MATERIALIZED (
		SELECT d.*, coalesce(d.transferred_to, d.operator_id) AS last_operator
		FROM (SELECT x.*, seed OPERATOR(pg_catalog.#) 6148914691236517205::bigint AS seed2
			FROM @extschema@.demo_contacts_detail(months, start_month, seed) x) d),
	ev AS (
		-- a chat or an e-mail starts with the customer's message, a call with the offer
		SELECT c.contact_id, c.arrived_at AS at,
			CASE WHEN c.channel OPERATOR(pg_catalog.=) 'call'::text THEN 'offered'::text
				ELSE 'customer_message'::text END AS kind, NULL::text AS op
		FROM c
		UNION ALL
		-- the bot's part: it answers, the customer writes again, it answers again
		SELECT c.contact_id,
			c.arrived_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs => b.s::double precision), b.k, NULL
		FROM c CROSS JOIN LATERAL (VALUES (2, 'bot_message'::text),
			(c.bot_seconds OPERATOR(pg_catalog./) 2, 'customer_message'::text),
			((c.bot_seconds OPERATOR(pg_catalog./) 2) OPERATOR(pg_catalog.+) 2, 'bot_message'::text)) b(s, k)
		WHERE c.bot_handled
		UNION ALL
		-- chats and e-mail enter the operators' queue (after the bot, if any)
		SELECT c.contact_id, c.offered_at, 'offered'::text, NULL
		FROM c WHERE c.channel OPERATOR(pg_catalog.<>) 'call'::text AND c.offered_at IS NOT NULL
		UNION ALL
		SELECT c.contact_id, c.abandoned_at, 'abandoned'::text, NULL FROM c WHERE c.abandoned_at IS NOT NULL
		UNION ALL
		SELECT c.contact_id,
			c.answered_at OPERATOR(pg_catalog.-) pg_catalog.make_interval(secs => least(c.wait_seconds,
				2 OPERATOR(pg_catalog.+) pg_catalog.floor(@extschema@.demo_uniform(
					(c.contact_id OPERATOR(pg_catalog.*) 256::bigint) OPERATOR(pg_catalog.+) 1::bigint, c.seed2)
					OPERATOR(pg_catalog.*) 20::double precision)::integer)::double precision),
			'assigned'::text, c.operator_id
		FROM c WHERE c.channel OPERATOR(pg_catalog.<>) 'call'::text AND c.answered_at IS NOT NULL
		UNION ALL
		-- the first operator reply, or the call's answer
		SELECT c.contact_id, c.answered_at,
			CASE WHEN c.channel OPERATOR(pg_catalog.=) 'call'::text THEN 'answered'::text
				ELSE 'operator_message'::text END,
			c.operator_id
		FROM c WHERE c.answered_at IS NOT NULL
		UNION ALL
		-- the later turns of a chat: the customer writes (sometimes twice), an operator replies
		SELECT c.contact_id,
			c.answered_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs =>
				(((t.j OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog.*) c.turn_seconds)
					OPERATOR(pg_catalog.+) m.s)::double precision),
			m.k, m.op
		FROM c CROSS JOIN LATERAL pg_catalog.generate_series(1, c.turns OPERATOR(pg_catalog.-) 1) t(j)
		CROSS JOIN LATERAL (SELECT 0.25::double precision OPERATOR(pg_catalog.+) (0.5::double precision
					OPERATOR(pg_catalog.*) @extschema@.demo_uniform((c.contact_id OPERATOR(pg_catalog.*) 256::bigint)
						OPERATOR(pg_catalog.+) 2::bigint OPERATOR(pg_catalog.+) (3::bigint OPERATOR(pg_catalog.*) t.j::bigint),
						c.seed2)) AS cj,
				@extschema@.demo_uniform((c.contact_id OPERATOR(pg_catalog.*) 256::bigint)
					OPERATOR(pg_catalog.+) 3::bigint OPERATOR(pg_catalog.+) (3::bigint OPERATOR(pg_catalog.*) t.j::bigint),
					c.seed2) OPERATOR(pg_catalog.<) 0.25::double precision AS twice) u
		CROSS JOIN LATERAL (VALUES
				(pg_catalog.round(c.turn_seconds::double precision OPERATOR(pg_catalog.*) u.cj)::integer,
					'customer_message'::text, NULL::text),
				(CASE WHEN u.twice THEN pg_catalog.round((c.turn_seconds::double precision
					OPERATOR(pg_catalog.*) (u.cj OPERATOR(pg_catalog.+) 1::double precision))
					OPERATOR(pg_catalog./) 2::double precision)::integer END, 'customer_message'::text, NULL::text),
				(c.turn_seconds, 'operator_message'::text, c.last_operator)) m(s, k, op)
		WHERE c.channel OPERATOR(pg_catalog.=) 'chat'::text AND c.answered_at IS NOT NULL AND m.s IS NOT NULL
		UNION ALL
		SELECT c.contact_id,
			c.answered_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs => (CASE
				WHEN c.channel OPERATOR(pg_catalog.=) 'call'::text
				THEN pg_catalog.round(c.talk_seconds::numeric OPERATOR(pg_catalog.*) 0.6::numeric)::integer
					OPERATOR(pg_catalog.+) c.hold_seconds
				ELSE pg_catalog.round(c.turn_seconds::numeric OPERATOR(pg_catalog.*) 0.1::numeric)::integer
				END)::double precision),
			'transferred'::text, c.transferred_to
		FROM c WHERE c.transferred
		UNION ALL
		-- a call: hold, end, after-call work
		SELECT c.contact_id, c.answered_at OPERATOR(pg_catalog.+) pg_catalog.make_interval(secs => h.s::double precision),
			h.k, h.op
		FROM c CROSS JOIN LATERAL (VALUES
				(CASE WHEN c.hold_seconds OPERATOR(pg_catalog.>) 0
					THEN pg_catalog.round(c.talk_seconds::numeric OPERATOR(pg_catalog.*) 0.4::numeric)::integer END,
					'hold_start'::text, NULL::text),
				(CASE WHEN c.hold_seconds OPERATOR(pg_catalog.>) 0
					THEN pg_catalog.round(c.talk_seconds::numeric OPERATOR(pg_catalog.*) 0.4::numeric)::integer
						OPERATOR(pg_catalog.+) c.hold_seconds END, 'hold_end'::text, NULL::text),
				(c.talk_seconds OPERATOR(pg_catalog.+) c.hold_seconds, 'ended'::text, NULL::text),
				((c.talk_seconds OPERATOR(pg_catalog.+) c.hold_seconds) OPERATOR(pg_catalog.+) c.wrap_seconds,
					'wrapup_end'::text, c.last_operator)) h(s, k, op)
		WHERE c.channel OPERATOR(pg_catalog.=) 'call'::text AND c.answered_at IS NOT NULL AND h.s IS NOT NULL
		UNION ALL
		SELECT c.contact_id, c.resolved_at, 'resolved'::text, c.last_operator FROM c WHERE c.resolved)
	SELECT ev.contact_id, ev.at, ev.kind::@extschema@.contact_event_kind,
		CASE WHEN ev.kind OPERATOR(pg_catalog.=) 'customer_message'::text THEN 'customer'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'operator_message'::text THEN 'operator'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'bot_message'::text THEN 'bot'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'abandoned'::text THEN 'customer'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'resolved'::text AND ev.op IS NULL THEN 'bot'
			WHEN ev.kind OPERATOR(pg_catalog.=) 'resolved'::text OR ev.kind OPERATOR(pg_catalog.=) 'wrapup_end'::text
				THEN 'operator'
			ELSE 'system' END::@extschema@.contact_party,
		ev.op
	FROM ev
	ORDER BY ev.contact_id, ev.at, ev.kind::@extschema@.contact_event_kind;
END;

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

--------------------------------------------------------------------------
-- New in 1.3 (issue 16): the constructors of the state types, for figures
-- counted elsewhere (a telephony system's daily export), and the forms of
-- the Erlang C functions that speak percentages 0..100.  Each object as
-- support_kpi--1.3.sql defines it, its comment beside it.
--------------------------------------------------------------------------

-- 1. Customer voice: NPS, CES, CSAT
CREATE FUNCTION @extschema@.nps_state(counts bigint[]) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_state(bigint[]) IS 'the nps_state of responses counted elsewhere: counts[1..11] the responses of scores 0..10, checked as its text input (negative count 22003); a NULL array or element 22004, not 11 counts from subscript 1 in one dimension 2202E';
CREATE FUNCTION @extschema@.ces_state(counts bigint[]) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_state(bigint[]) IS 'the ces_state of responses counted elsewhere: counts[1..M] the responses of scores 1..M, the scale_max M the array length (3..100, else 22023), checked as its text input (negative count 22003); a NULL array or element 22004, not from subscript 1 in one dimension 2202E';
CREATE FUNCTION @extschema@.csat_state(counts bigint[]) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_state(bigint[]) IS 'the csat_state of responses counted elsewhere: counts[1..M] the responses of scores 1..M, the scale_max M the array length (3..100, else 22023), checked as its text input (negative count 22003); a NULL array or element 22004, not from subscript 1 in one dimension 2202E';

-- 2. Rates on a boolean: share_pct and the named rates, on share_state
CREATE FUNCTION @extschema@.share_state(hits bigint, total bigint) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_state(bigint, bigint) IS 'the share_state of figures counted elsewhere: hits of total, checked as its text input (a negative count, hits above total: 22003); a NULL argument is an error (22004)';

-- 3. Queue: service level, abandon rate, speed of answer, on queue_state
CREATE FUNCTION @extschema@.queue_state(answered bigint, answered_within bigint, abandoned bigint,
	abandoned_within bigint, short_abandoned bigint, answered_wait_seconds double precision,
	policy text DEFAULT 'against') RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.queue_state(bigint, bigint, bigint, bigint, bigint, double precision, text) IS 'the queue_state of figures counted elsewhere: the counters, the sum of the answered waits in seconds (exact microseconds, rounded half to even) and the policy (default against), checked as its text input (22003; an unknown or NULL policy 22023); a NULL figure is an error (22004)';

-- 4. Handling: average handle time and occupancy
CREATE FUNCTION @extschema@.handle_state(handled bigint, handle_seconds double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.handle_state(bigint, double precision) IS 'the handle_state of figures counted elsewhere: handled contacts and their total handle time in seconds (exact microseconds, rounded half to even), checked as its text input (22003); a NULL figure is an error (22004)';
CREATE FUNCTION @extschema@.occupancy_state(periods bigint, busy_seconds double precision,
	available_seconds double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.occupancy_state(bigint, double precision, double precision) IS 'the occupancy_state of figures counted elsewhere: periods and the total busy and available time in seconds (exact microseconds, rounded half to even), checked as its text input (22003); a NULL figure is an error (22004)';

-- 9. Staffing: Erlang C
CREATE FUNCTION @extschema@.erlang_c_pw_pct(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_pw_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_pw_pct(double precision, double precision, double precision, integer) IS 'Erlang C probability that a contact waits as a percentage, numeric 0..100: 100 * erlang_c_pw(...)';
CREATE FUNCTION @extschema@.erlang_c_sl_pct(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer, threshold_s double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_sl_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_sl_pct(double precision, double precision, double precision, integer, double precision) IS 'Erlang C predicted service level as a percentage, numeric 0..100, of contacts answered within threshold_s seconds: 100 * erlang_c_sl(...)';
CREATE FUNCTION @extschema@.erlang_c_occupancy_pct(contacts double precision, interval_s double precision,
	aht_s double precision, agents integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_occupancy_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_occupancy_pct(double precision, double precision, double precision, integer) IS 'Erlang C agent occupancy as a percentage: traffic * 100 / agents, numeric 0..100 (capped at 100): 100 * erlang_c_occupancy(...)';
CREATE FUNCTION @extschema@.erlang_c_agents_pct(contacts double precision, interval_s double precision,
	aht_s double precision, target_sl_pct double precision, threshold_s double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_agents_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_agents_pct(double precision, double precision, double precision, double precision, double precision) IS 'the fewest agents whose Erlang C service level within threshold_s seconds reaches target_sl_pct (a percentage, (0, 100))';
CREATE FUNCTION @extschema@.erlang_c_agents_pct(contacts double precision, interval_s double precision,
	aht_s double precision, target_sl_pct double precision, threshold_s double precision,
	max_occupancy_pct double precision) RETURNS integer
	AS 'MODULE_PATHNAME', 'skpi_erlang_c_agents_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.erlang_c_agents_pct(double precision, double precision, double precision, double precision, double precision, double precision) IS 'the fewest agents whose Erlang C service level within threshold_s seconds reaches target_sl_pct (a percentage, (0, 100)) at an occupancy of at most max_occupancy_pct (a percentage, (0, 100])';

--------------------------------------------------------------------------
-- Comments.  From 1.3 on every object of the extension has a comment
-- (support_kpi--1.3.sql sets each beside its object): below, those that
-- 1.3 adds, and the six contact_timeline accessors whose comments now say
-- that they count (event_count, message_count, response_turns, ...).
-- Statements in the order of support_kpi--1.3.sql; sql/upgrade.sql checks
-- that an updated installation has exactly the comments of a fresh one.
--------------------------------------------------------------------------

-- 1. Customer voice: NPS, CES, CSAT
COMMENT ON FUNCTION @extschema@.nps_state_in(cstring) IS 'text input of nps_state: {"version":1,"kind":"nps","scale":[0,10],"counts":[c0,...,c10]}; validated';
COMMENT ON FUNCTION @extschema@.nps_state_out(@extschema@.nps_state) IS 'text output of nps_state (the form nps_state_in reads)';
COMMENT ON FUNCTION @extschema@.nps_state_recv(internal) IS 'binary input of nps_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, int16 scale_min, int16 scale_max, one int64 count per point; validated';
COMMENT ON FUNCTION @extschema@.nps_state_send(@extschema@.nps_state) IS 'binary output of nps_state (the form nps_state_recv reads)';
COMMENT ON FUNCTION @extschema@.nps_state_accum(@extschema@.nps_state, integer) IS 'transition of nps(score) and nps_agg(score): counts the score (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.nps_state_maccum(@extschema@.nps_state, integer) IS 'moving-aggregate transition of nps(score) and nps_agg(score) over window frames: as nps_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.nps_state_retract(@extschema@.nps_state, integer) IS 'inverse transition of nps(score) and nps_agg(score): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.nps_state_combine(@extschema@.nps_state, @extschema@.nps_state) IS 'merges two nps_state values (parallel combine, rollup()): counters added; called directly it returns a new state';
COMMENT ON FUNCTION @extschema@.nps_state_uncombine(@extschema@.nps_state, @extschema@.nps_state) IS 'inverse of nps_state_combine (rollup() over window frames): the counters of the second state subtracted from the first';
COMMENT ON FUNCTION @extschema@.nps_state_nonempty(@extschema@.nps_state) IS 'final function of nps_agg() over window frames: the state, or NULL when it holds no response';
COMMENT ON FUNCTION @extschema@.nps(@extschema@.nps_state) IS 'NPS of the state: (promoters 9-10 - detractors 0-6) * 100 / responses, numeric -100..100; NULL without responses';
COMMENT ON FUNCTION @extschema@.promoters_pct(@extschema@.nps_state) IS 'responses 9-10 * 100 / responses, numeric 0..100; NULL without responses';
COMMENT ON FUNCTION @extschema@.passives_pct(@extschema@.nps_state) IS 'responses 7-8 * 100 / responses, numeric 0..100; NULL without responses';
COMMENT ON FUNCTION @extschema@.detractors_pct(@extschema@.nps_state) IS 'responses 0-6 * 100 / responses, numeric 0..100; NULL without responses';
COMMENT ON FUNCTION @extschema@.nps_stderr(@extschema@.nps_state) IS 'standard error of the NPS, in NPS points: 100 * sqrt((p + d - (p - d)^2) / n), p and d the promoter and detractor shares';
COMMENT ON FUNCTION @extschema@.nps_ci_lower(@extschema@.nps_state, double precision) IS 'lower bound of the normal-approximation confidence interval of the NPS at level (default 0.95): NPS - z * stderr, clamped to -100';
COMMENT ON FUNCTION @extschema@.nps_ci_upper(@extschema@.nps_state, double precision) IS 'upper bound of the normal-approximation confidence interval of the NPS at level (default 0.95): NPS + z * stderr, clamped to 100';
COMMENT ON FUNCTION @extschema@.responses(@extschema@.nps_state) IS 'number of responses (non-NULL scores) in the state';
COMMENT ON FUNCTION @extschema@.score_counts(@extschema@.nps_state) IS 'the 11 counters of the state, for the scores 0..10';
COMMENT ON AGGREGATE @extschema@.nps(integer) IS 'Net Promoter Score of scores 0..10: (promoters 9-10 - detractors 0-6) * 100 / responses, numeric -100..100; NULL scores ignored, NULL without any';
COMMENT ON AGGREGATE @extschema@.nps_agg(integer) IS 'two-step NPS: the nps_state of scores 0..10 (NULL scores ignored; NULL without any), to store, merge with rollup() and read with the accessors';
COMMENT ON FUNCTION @extschema@.ces_state_in(cstring) IS 'text input of ces_state: {"version":1,"kind":"ces","scale":[1,M],"counts":[c1,...,cM]}; validated';
COMMENT ON FUNCTION @extschema@.ces_state_out(@extschema@.ces_state) IS 'text output of ces_state (the form ces_state_in reads)';
COMMENT ON FUNCTION @extschema@.ces_state_recv(internal) IS 'binary input of ces_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, int16 scale_min, int16 scale_max, one int64 count per point; validated';
COMMENT ON FUNCTION @extschema@.ces_state_send(@extschema@.ces_state) IS 'binary output of ces_state (the form ces_state_recv reads)';
COMMENT ON FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer) IS 'transition of ces(score) and ces_agg(score): counts the score (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer) IS 'moving-aggregate transition of ces(score) and ces_agg(score) over window frames: as ces_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer, integer) IS 'transition of ces(score, scale_max) and ces_agg(score, scale_max): counts the score on the scale 1..scale_max (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer, integer) IS 'moving-aggregate transition of ces(score, scale_max) and ces_agg(score, scale_max) over window frames: as ces_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer) IS 'inverse transition of ces(score) and ces_agg(score): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer, integer) IS 'inverse transition of ces(score, scale_max) and ces_agg(score, scale_max): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.ces_state_combine(@extschema@.ces_state, @extschema@.ces_state) IS 'merges two ces_state values (parallel combine, rollup()): counters added; states of different scales are an error; called directly it returns a new state';
COMMENT ON FUNCTION @extschema@.ces_state_uncombine(@extschema@.ces_state, @extschema@.ces_state) IS 'inverse of ces_state_combine (rollup() over window frames): the counters of the second state subtracted from the first';
COMMENT ON FUNCTION @extschema@.ces_state_nonempty(@extschema@.ces_state) IS 'final function of ces_agg() over window frames: the state, or NULL when it holds no response';
COMMENT ON FUNCTION @extschema@.ces(@extschema@.ces_state) IS 'CES of the state: the mean score, numeric 1..scale_max; NULL without responses';
COMMENT ON FUNCTION @extschema@.ces_easy_pct(@extschema@.ces_state) IS 'responses in the top two points (6-7 of 7, 4-5 of 5) * 100 / responses, numeric 0..100; NULL without responses';
COMMENT ON FUNCTION @extschema@.ces_difficult_pct(@extschema@.ces_state) IS 'responses below the midpoint, points 1..floor(scale_max / 2) (1-3 of 7), * 100 / responses, numeric 0..100; NULL without responses';
COMMENT ON FUNCTION @extschema@.ces_index(@extschema@.ces_state) IS 'ces_easy_pct - ces_difficult_pct, numeric -100..100; NULL without responses';
COMMENT ON FUNCTION @extschema@.responses(@extschema@.ces_state) IS 'number of responses (non-NULL scores) in the state';
COMMENT ON FUNCTION @extschema@.score_counts(@extschema@.ces_state) IS 'the counters of the state, one per point 1..scale_max';
COMMENT ON AGGREGATE @extschema@.ces(integer) IS 'Customer Effort Score of scores 1..7: the mean score, numeric; NULL scores ignored, NULL without any';
COMMENT ON AGGREGATE @extschema@.ces(integer, integer) IS 'Customer Effort Score of scores 1..scale_max (3..100, the same on every row): the mean score, numeric; NULL scores ignored, NULL without any';
COMMENT ON AGGREGATE @extschema@.ces_agg(integer) IS 'two-step CES: the ces_state of scores 1..7 (NULL scores ignored; NULL without any)';
COMMENT ON AGGREGATE @extschema@.ces_agg(integer, integer) IS 'two-step CES: the ces_state of scores 1..scale_max (3..100, the same on every row; NULL scores ignored, NULL without any)';
COMMENT ON FUNCTION @extschema@.csat_state_in(cstring) IS 'text input of csat_state: {"version":1,"kind":"csat","scale":[1,M],"counts":[c1,...,cM]}; validated';
COMMENT ON FUNCTION @extschema@.csat_state_out(@extschema@.csat_state) IS 'text output of csat_state (the form csat_state_in reads)';
COMMENT ON FUNCTION @extschema@.csat_state_recv(internal) IS 'binary input of csat_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, int16 scale_min, int16 scale_max, one int64 count per point; validated';
COMMENT ON FUNCTION @extschema@.csat_state_send(@extschema@.csat_state) IS 'binary output of csat_state (the form csat_state_recv reads)';
COMMENT ON FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer) IS 'transition of csat(score) and csat_agg(score): counts the score (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer) IS 'moving-aggregate transition of csat(score) and csat_agg(score) over window frames: as csat_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer, integer) IS 'transition of csat(score, scale_max) and csat_agg(score, scale_max): counts the score on the scale 1..scale_max (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer, integer) IS 'moving-aggregate transition of csat(score, scale_max) and csat_agg(score, scale_max) over window frames: as csat_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer) IS 'inverse transition of csat(score) and csat_agg(score): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer, integer) IS 'inverse transition of csat(score, scale_max) and csat_agg(score, scale_max): uncounts the score of a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.csat_state_combine(@extschema@.csat_state, @extschema@.csat_state) IS 'merges two csat_state values (parallel combine, rollup()): counters added; states of different scales are an error; called directly it returns a new state';
COMMENT ON FUNCTION @extschema@.csat_state_uncombine(@extschema@.csat_state, @extschema@.csat_state) IS 'inverse of csat_state_combine (rollup() over window frames): the counters of the second state subtracted from the first';
COMMENT ON FUNCTION @extschema@.csat_state_nonempty(@extschema@.csat_state) IS 'final function of csat_agg() over window frames: the state, or NULL when it holds no response';
COMMENT ON FUNCTION @extschema@.csat(@extschema@.csat_state) IS 'CSAT of the state: responses in the top two points * 100 / responses, numeric 0..100; NULL without responses';
COMMENT ON FUNCTION @extschema@.csat_mean(@extschema@.csat_state) IS 'mean rating of the state, numeric 1..scale_max; NULL without responses';
COMMENT ON FUNCTION @extschema@.csat_ci_lower(@extschema@.csat_state, double precision) IS 'lower bound of the Wilson score interval of the CSAT share at level (default 0.95), numeric 0..100';
COMMENT ON FUNCTION @extschema@.csat_ci_upper(@extschema@.csat_state, double precision) IS 'upper bound of the Wilson score interval of the CSAT share at level (default 0.95), numeric 0..100';
COMMENT ON FUNCTION @extschema@.responses(@extschema@.csat_state) IS 'number of responses (non-NULL scores) in the state';
COMMENT ON FUNCTION @extschema@.score_counts(@extschema@.csat_state) IS 'the counters of the state, one per point 1..scale_max';
COMMENT ON AGGREGATE @extschema@.csat(integer) IS 'Customer Satisfaction of scores 1..5: responses 4-5 * 100 / responses, numeric 0..100; NULL scores ignored, NULL without any';
COMMENT ON AGGREGATE @extschema@.csat(integer, integer) IS 'Customer Satisfaction of scores 1..scale_max (3..100, the same on every row): responses in the top two points * 100 / responses, numeric 0..100';
COMMENT ON AGGREGATE @extschema@.csat_agg(integer) IS 'two-step CSAT: the csat_state of scores 1..5 (NULL scores ignored; NULL without any)';
COMMENT ON AGGREGATE @extschema@.csat_agg(integer, integer) IS 'two-step CSAT: the csat_state of scores 1..scale_max (3..100, the same on every row; NULL scores ignored, NULL without any)';

-- 2. Rates on a boolean: share_pct and the named rates, on share_state
COMMENT ON FUNCTION @extschema@.share_state_in(cstring) IS 'text input of share_state: {"version":1,"kind":"share","hits":h,"total":t}; validated';
COMMENT ON FUNCTION @extschema@.share_state_out(@extschema@.share_state) IS 'text output of share_state (the form share_state_in reads)';
COMMENT ON FUNCTION @extschema@.share_state_recv(internal) IS 'binary input of share_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, uint8 parameter, uint8 number of counters, then the counters as int64; validated';
COMMENT ON FUNCTION @extschema@.share_state_send(@extschema@.share_state) IS 'binary output of share_state (the form share_state_recv reads)';
COMMENT ON FUNCTION @extschema@.share_state_accum(@extschema@.share_state, boolean) IS 'transition of the share_state aggregates (share_pct, the named rates, share_agg): total + 1, and hits + 1 for true (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.share_state_maccum(@extschema@.share_state, boolean) IS 'moving-aggregate transition of the share_state aggregates over window frames: as share_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.share_state_retract(@extschema@.share_state, boolean) IS 'inverse transition of the share_state aggregates: total - 1, and hits - 1 for true, for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.share_state_combine(@extschema@.share_state, @extschema@.share_state) IS 'merges two share_state values (parallel combine, rollup()): hits and total added; called directly it returns a new state';
COMMENT ON FUNCTION @extschema@.share_state_uncombine(@extschema@.share_state, @extschema@.share_state) IS 'inverse of share_state_combine (rollup() over window frames): the hits and total of the second state subtracted from the first';
COMMENT ON FUNCTION @extschema@.share_state_nonempty(@extschema@.share_state) IS 'final function of share_agg() over window frames: the state, or NULL when it holds no flag';
COMMENT ON FUNCTION @extschema@.share_pct(@extschema@.share_state) IS 'hits * 100 / total, numeric 0..100; NULL when total is 0';
COMMENT ON FUNCTION @extschema@.share_hits(@extschema@.share_state) IS 'hits: the true flags counted';
COMMENT ON FUNCTION @extschema@.share_total(@extschema@.share_state) IS 'total: the non-NULL flags counted';
COMMENT ON FUNCTION @extschema@.share_ci_lower(@extschema@.share_state, double precision) IS 'lower bound of the Wilson score interval of share_pct at level (default 0.95), numeric 0..100';
COMMENT ON FUNCTION @extschema@.share_ci_upper(@extschema@.share_state, double precision) IS 'upper bound of the Wilson score interval of share_pct at level (default 0.95), numeric 0..100';
COMMENT ON AGGREGATE @extschema@.share_pct(boolean) IS 'share of true flags: true * 100 / non-NULL, numeric 0..100; NULL flags ignored, NULL without any';
COMMENT ON AGGREGATE @extschema@.transfer_rate(boolean) IS 'transfer rate: contacts transferred * 100 / contacts with a non-NULL flag, numeric 0..100 (share_pct under its name)';
COMMENT ON AGGREGATE @extschema@.containment_rate(boolean) IS 'containment rate: contacts closed by the bot * 100 / contacts with a non-NULL flag (give it the contacts that started with the bot), numeric 0..100';
COMMENT ON AGGREGATE @extschema@.fcr_rate(boolean) IS 'first contact resolution rate: contacts resolved at first contact * 100 / contacts with a non-NULL flag, numeric 0..100';
COMMENT ON AGGREGATE @extschema@.resolution_rate(boolean) IS 'resolution rate: contacts resolved * 100 / contacts with a non-NULL flag, numeric 0..100';
COMMENT ON AGGREGATE @extschema@.reopen_rate(boolean) IS 'reopen rate: contacts reopened * 100 / contacts with a non-NULL flag, numeric 0..100';
COMMENT ON AGGREGATE @extschema@.share_agg(boolean) IS 'two-step share: the share_state (hits, total) of the flags (NULL flags ignored; NULL without any), read by share_pct(state)';

-- 3. Queue: service level, abandon rate, speed of answer, on queue_state
COMMENT ON FUNCTION @extschema@.queue_state_in(cstring) IS 'text input of queue_state: {"version":1,"kind":"queue","policy":...,"answered":...,"answered_within":...,"abandoned":...,"abandoned_within":...,"short_abandoned":...,"answered_wait_us":...}; validated';
COMMENT ON FUNCTION @extschema@.queue_state_out(@extschema@.queue_state) IS 'text output of queue_state (the form queue_state_in reads)';
COMMENT ON FUNCTION @extschema@.queue_state_recv(internal) IS 'binary input of queue_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, uint8 parameter, uint8 number of counters, then the counters as int64; validated';
COMMENT ON FUNCTION @extschema@.queue_state_send(@extschema@.queue_state) IS 'binary output of queue_state (the form queue_state_recv reads)';
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval) IS 'transition of sl_pct and queue_agg for (wait interval, answered, threshold): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait interval, answered, threshold) over window frames: as queue_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval) IS 'inverse transition of sl_pct and queue_agg for (wait interval, answered, threshold): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval) IS 'transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon) over window frames: as queue_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval) IS 'inverse transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval, text) IS 'transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon, policy): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval, text) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon, policy) over window frames: as queue_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval, text) IS 'inverse transition of sl_pct and queue_agg for (wait interval, answered, threshold, short_abandon, policy): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision) IS 'transition of sl_pct and queue_agg for (wait seconds, answered, threshold): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait seconds, answered, threshold) over window frames: as queue_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision) IS 'inverse transition of sl_pct and queue_agg for (wait seconds, answered, threshold): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision) IS 'transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon) over window frames: as queue_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision) IS 'inverse transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) IS 'transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon, policy): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) IS 'moving-aggregate transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon, policy) over window frames: as queue_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) IS 'inverse transition of sl_pct and queue_agg for (wait seconds, answered, threshold, short_abandon, policy): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, timestamptz, timestamptz, interval) IS 'transition of sl_pct and queue_agg for (offered_at, answered_at, threshold): counts the contact, answered (within the threshold or not) or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, timestamptz, timestamptz, interval) IS 'moving-aggregate transition of sl_pct and queue_agg for (offered_at, answered_at, threshold) over window frames: as queue_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, timestamptz, timestamptz, interval) IS 'inverse transition of sl_pct and queue_agg for (offered_at, answered_at, threshold): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean) IS 'transition of abandon_rate and asa for (wait interval, answered): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean) IS 'moving-aggregate transition of abandon_rate and asa for (wait interval, answered) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean) IS 'inverse transition of abandon_rate and asa for (wait interval, answered): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean, interval) IS 'transition of abandon_rate(wait interval, answered, short_abandon): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean, interval) IS 'moving-aggregate transition of abandon_rate(wait interval, answered, short_abandon) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean, interval) IS 'inverse transition of abandon_rate(wait interval, answered, short_abandon): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean) IS 'transition of abandon_rate and asa for (wait seconds, answered): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean) IS 'moving-aggregate transition of abandon_rate and asa for (wait seconds, answered) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean) IS 'inverse transition of abandon_rate and asa for (wait seconds, answered): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) IS 'transition of abandon_rate(wait seconds, answered, short_abandon): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) IS 'moving-aggregate transition of abandon_rate(wait seconds, answered, short_abandon) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) IS 'inverse transition of abandon_rate(wait seconds, answered, short_abandon): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) IS 'transition of abandon_rate and asa for (offered_at, answered_at): counts the contact, answered or abandoned, and its wait; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) IS 'moving-aggregate transition of abandon_rate and asa for (offered_at, answered_at) over window frames: as queue_state_accum_nothreshold, but never returns NULL';
COMMENT ON FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) IS 'inverse transition of abandon_rate and asa for (offered_at, answered_at): uncounts the contact for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.queue_state_combine(@extschema@.queue_state, @extschema@.queue_state) IS 'merges two queue_state values (parallel combine, rollup()): counters added; states of different policies are an error; called directly it returns a new state';
COMMENT ON FUNCTION @extschema@.queue_state_uncombine(@extschema@.queue_state, @extschema@.queue_state) IS 'inverse of queue_state_combine (rollup() over window frames): the counters of the second state subtracted from the first';
COMMENT ON FUNCTION @extschema@.queue_state_nonempty(@extschema@.queue_state) IS 'final function of queue_agg() over window frames: the state, or NULL when it holds no contact';
COMMENT ON FUNCTION @extschema@.sl_pct(@extschema@.queue_state) IS 'service level under the state''s policy: answered within the threshold * 100 / offered as the policy counts them, numeric 0..100; NULL when nothing is counted';
COMMENT ON FUNCTION @extschema@.sl_pct(@extschema@.queue_state, text) IS 'service level under another policy (against, ignore_early, favour, answered_only), numeric 0..100; NULL when nothing is counted';
COMMENT ON FUNCTION @extschema@.abandon_rate(@extschema@.queue_state) IS 'abandoned * 100 / (answered + abandoned), short abandons left out of both, numeric 0..100; NULL when nothing is counted';
COMMENT ON FUNCTION @extschema@.asa(@extschema@.queue_state) IS 'average speed of answer: answered waits / answered, in seconds; NULL when nothing was answered';
COMMENT ON FUNCTION @extschema@.offered(@extschema@.queue_state) IS 'contacts offered: answered + abandoned, short abandons excluded';
COMMENT ON FUNCTION @extschema@.answered(@extschema@.queue_state) IS 'contacts answered';
COMMENT ON FUNCTION @extschema@.answered_within(@extschema@.queue_state) IS 'contacts answered within the threshold (a wait equal to it counts)';
COMMENT ON FUNCTION @extschema@.abandoned(@extschema@.queue_state) IS 'contacts abandoned, short abandons excluded';
COMMENT ON FUNCTION @extschema@.short_abandoned(@extschema@.queue_state) IS 'contacts abandoned before short_abandon (left out of every rate)';
COMMENT ON FUNCTION @extschema@.sl_ci_lower(@extschema@.queue_state, double precision) IS 'lower bound of the Wilson score interval of the service level (the state''s policy) at level (default 0.95), numeric 0..100';
COMMENT ON FUNCTION @extschema@.sl_ci_upper(@extschema@.queue_state, double precision) IS 'upper bound of the Wilson score interval of the service level (the state''s policy) at level (default 0.95), numeric 0..100';
COMMENT ON FUNCTION @extschema@.abandon_rate_ci_lower(@extschema@.queue_state, double precision) IS 'lower bound of the Wilson score interval of the abandon rate at level (default 0.95), numeric 0..100';
COMMENT ON FUNCTION @extschema@.abandon_rate_ci_upper(@extschema@.queue_state, double precision) IS 'upper bound of the Wilson score interval of the abandon rate at level (default 0.95), numeric 0..100';
COMMENT ON AGGREGATE @extschema@.sl_pct(interval, boolean, interval) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits and threshold as intervals';
COMMENT ON AGGREGATE @extschema@.queue_agg(interval, boolean, interval) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits and threshold as intervals';
COMMENT ON AGGREGATE @extschema@.sl_pct(interval, boolean, interval, interval) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits as intervals, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.queue_agg(interval, boolean, interval, interval) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits as intervals, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.sl_pct(interval, boolean, interval, interval, text) IS 'service level under policy (against, ignore_early, favour, answered_only), numeric 0..100; waits as intervals, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.queue_agg(interval, boolean, interval, interval, text) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits as intervals, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.sl_pct(double precision, boolean, double precision) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits and threshold in seconds';
COMMENT ON AGGREGATE @extschema@.queue_agg(double precision, boolean, double precision) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits and threshold in seconds';
COMMENT ON AGGREGATE @extschema@.sl_pct(double precision, boolean, double precision, double precision) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits in seconds, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.queue_agg(double precision, boolean, double precision, double precision) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits in seconds, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.sl_pct(double precision, boolean, double precision, double precision, text) IS 'service level under policy (against, ignore_early, favour, answered_only), numeric 0..100; waits in seconds, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.queue_agg(double precision, boolean, double precision, double precision, text) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits in seconds, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.sl_pct(timestamptz, timestamptz, interval) IS 'service level (policy against): answered within threshold * 100 / (answered + abandoned), numeric 0..100; waits from offered_at to answered_at, a NULL answered_at is an abandon';
COMMENT ON AGGREGATE @extschema@.queue_agg(timestamptz, timestamptz, interval) IS 'two-step queue KPIs: the queue_state of the contacts (counters and policy), arguments as sl_pct; waits from offered_at to answered_at, a NULL answered_at is an abandon';
COMMENT ON AGGREGATE @extschema@.abandon_rate(interval, boolean) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; waits as intervals';
COMMENT ON AGGREGATE @extschema@.asa(interval, boolean) IS 'average speed of answer: the mean wait of the answered contacts, in seconds (abandons excluded); waits as intervals';
COMMENT ON AGGREGATE @extschema@.abandon_rate(interval, boolean, interval) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; waits as intervals, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.abandon_rate(double precision, boolean) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; waits in seconds';
COMMENT ON AGGREGATE @extschema@.asa(double precision, boolean) IS 'average speed of answer: the mean wait of the answered contacts, in seconds (abandons excluded); waits in seconds';
COMMENT ON AGGREGATE @extschema@.abandon_rate(double precision, boolean, double precision) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; waits in seconds, abandons shorter than short_abandon left out';
COMMENT ON AGGREGATE @extschema@.abandon_rate(timestamptz, timestamptz) IS 'abandon rate: abandoned * 100 / (answered + abandoned), numeric 0..100; from offered_at and answered_at, a NULL answered_at is an abandon';
COMMENT ON AGGREGATE @extschema@.asa(timestamptz, timestamptz) IS 'average speed of answer: the mean wait of the answered contacts, in seconds (abandons excluded); from offered_at and answered_at, a NULL answered_at is an abandon';

-- 4. Handling: average handle time and occupancy
COMMENT ON FUNCTION @extschema@.handle_state_in(cstring) IS 'text input of handle_state: {"version":1,"kind":"handle","handled":n,"handle_us":us}; validated';
COMMENT ON FUNCTION @extschema@.handle_state_out(@extschema@.handle_state) IS 'text output of handle_state (the form handle_state_in reads)';
COMMENT ON FUNCTION @extschema@.handle_state_recv(internal) IS 'binary input of handle_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, uint8 parameter, uint8 number of counters, then the counters as int64; validated';
COMMENT ON FUNCTION @extschema@.handle_state_send(@extschema@.handle_state) IS 'binary output of handle_state (the form handle_state_recv reads)';
COMMENT ON FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval, interval, interval) IS 'transition of aht and handle_agg for (talk, hold, wrap intervals): handled + 1, and the handle time added; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval, interval, interval) IS 'moving-aggregate transition of aht and handle_agg for (talk, hold, wrap intervals) over window frames: as handle_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval, interval, interval) IS 'inverse transition of aht and handle_agg for (talk, hold, wrap intervals): handled - 1, and the handle time subtracted, for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval) IS 'transition of aht and handle_agg for (handle interval): handled + 1, and the handle time added; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval) IS 'moving-aggregate transition of aht and handle_agg for (handle interval) over window frames: as handle_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval) IS 'inverse transition of aht and handle_agg for (handle interval): handled - 1, and the handle time subtracted, for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision, double precision, double precision) IS 'transition of aht and handle_agg for (talk, hold, wrap seconds): handled + 1, and the handle time added; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision, double precision, double precision) IS 'moving-aggregate transition of aht and handle_agg for (talk, hold, wrap seconds) over window frames: as handle_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision, double precision, double precision) IS 'inverse transition of aht and handle_agg for (talk, hold, wrap seconds): handled - 1, and the handle time subtracted, for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision) IS 'transition of aht and handle_agg for (handle seconds): handled + 1, and the handle time added; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision) IS 'moving-aggregate transition of aht and handle_agg for (handle seconds) over window frames: as handle_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision) IS 'inverse transition of aht and handle_agg for (handle seconds): handled - 1, and the handle time subtracted, for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.handle_state_combine(@extschema@.handle_state, @extschema@.handle_state) IS 'merges two handle_state values (parallel combine, rollup()): handled and handle time added; called directly it returns a new state';
COMMENT ON FUNCTION @extschema@.handle_state_uncombine(@extschema@.handle_state, @extschema@.handle_state) IS 'inverse of handle_state_combine (rollup() over window frames): the handled and handle time of the second state subtracted from the first';
COMMENT ON FUNCTION @extschema@.handle_state_nonempty(@extschema@.handle_state) IS 'final function of handle_agg() over window frames: the state, or NULL when it holds no contact';
COMMENT ON FUNCTION @extschema@.aht(@extschema@.handle_state) IS 'average handle time of the state: handle time / handled, in seconds; NULL when nothing is counted';
COMMENT ON FUNCTION @extschema@.handled(@extschema@.handle_state) IS 'contacts handled (counted)';
COMMENT ON FUNCTION @extschema@.handle_seconds(@extschema@.handle_state) IS 'total handle time, in seconds';
COMMENT ON AGGREGATE @extschema@.aht(interval, interval, interval) IS 'average handle time: the mean of talk + hold + wrap over the handled contacts, in seconds; talk, hold and wrap as intervals';
COMMENT ON AGGREGATE @extschema@.handle_agg(interval, interval, interval) IS 'two-step AHT: the handle_state (handled, handle time) of the contacts; talk, hold and wrap as intervals';
COMMENT ON AGGREGATE @extschema@.aht(interval) IS 'average handle time: the mean handle time of the handled contacts, in seconds; the handle time as an interval';
COMMENT ON AGGREGATE @extschema@.handle_agg(interval) IS 'two-step AHT: the handle_state (handled, handle time) of the contacts; the handle time as an interval';
COMMENT ON AGGREGATE @extschema@.aht(double precision, double precision, double precision) IS 'average handle time: the mean of talk + hold + wrap over the handled contacts, in seconds; talk, hold and wrap in seconds';
COMMENT ON AGGREGATE @extschema@.handle_agg(double precision, double precision, double precision) IS 'two-step AHT: the handle_state (handled, handle time) of the contacts; talk, hold and wrap in seconds';
COMMENT ON AGGREGATE @extschema@.aht(double precision) IS 'average handle time: the mean handle time of the handled contacts, in seconds; the handle time in seconds';
COMMENT ON AGGREGATE @extschema@.handle_agg(double precision) IS 'two-step AHT: the handle_state (handled, handle time) of the contacts; the handle time in seconds';
COMMENT ON FUNCTION @extschema@.occupancy_state_in(cstring) IS 'text input of occupancy_state: {"version":1,"kind":"occupancy","periods":n,"busy_us":us,"available_us":us}; validated';
COMMENT ON FUNCTION @extschema@.occupancy_state_out(@extschema@.occupancy_state) IS 'text output of occupancy_state (the form occupancy_state_in reads)';
COMMENT ON FUNCTION @extschema@.occupancy_state_recv(internal) IS 'binary input of occupancy_state (COPY BINARY, binary protocol): uint8 version, uint8 kind, uint8 parameter, uint8 number of counters, then the counters as int64; validated';
COMMENT ON FUNCTION @extschema@.occupancy_state_send(@extschema@.occupancy_state) IS 'binary output of occupancy_state (the form occupancy_state_recv reads)';
COMMENT ON FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, interval, interval) IS 'transition of occupancy and occupancy_agg for (busy, available intervals): periods + 1, and the busy and available time added; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, interval, interval) IS 'moving-aggregate transition of occupancy and occupancy_agg for (busy, available intervals) over window frames: as occupancy_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, interval, interval) IS 'inverse transition of occupancy and occupancy_agg for (busy, available intervals): periods - 1, and the times subtracted, for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, double precision, double precision) IS 'transition of occupancy and occupancy_agg for (busy, available seconds): periods + 1, and the busy and available time added; refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, double precision, double precision) IS 'moving-aggregate transition of occupancy and occupancy_agg for (busy, available seconds) over window frames: as occupancy_state_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, double precision, double precision) IS 'inverse transition of occupancy and occupancy_agg for (busy, available seconds): periods - 1, and the times subtracted, for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.occupancy_state_combine(@extschema@.occupancy_state, @extschema@.occupancy_state) IS 'merges two occupancy_state values (parallel combine, rollup()): periods, busy and available time added; called directly it returns a new state';
COMMENT ON FUNCTION @extschema@.occupancy_state_uncombine(@extschema@.occupancy_state, @extschema@.occupancy_state) IS 'inverse of occupancy_state_combine (rollup() over window frames): the periods, busy and available time of the second state subtracted from the first';
COMMENT ON FUNCTION @extschema@.occupancy_state_nonempty(@extschema@.occupancy_state) IS 'final function of occupancy_agg() over window frames: the state, or NULL when it holds no period';
COMMENT ON FUNCTION @extschema@.occupancy(@extschema@.occupancy_state) IS 'occupancy of the state: busy * 100 / (busy + available), numeric 0..100; NULL without time';
COMMENT ON FUNCTION @extschema@.busy_seconds(@extschema@.occupancy_state) IS 'total busy time, in seconds';
COMMENT ON FUNCTION @extschema@.available_seconds(@extschema@.occupancy_state) IS 'total available (idle) time, in seconds';
COMMENT ON AGGREGATE @extschema@.occupancy(interval, interval) IS 'occupancy: sum(busy) * 100 / sum(busy + available), numeric 0..100; durations as intervals';
COMMENT ON AGGREGATE @extschema@.occupancy_agg(interval, interval) IS 'two-step occupancy: the occupancy_state (periods, busy and available time) of the rows; durations as intervals';
COMMENT ON AGGREGATE @extschema@.occupancy(double precision, double precision) IS 'occupancy: sum(busy) * 100 / sum(busy + available), numeric 0..100; durations in seconds';
COMMENT ON AGGREGATE @extschema@.occupancy_agg(double precision, double precision) IS 'two-step occupancy: the occupancy_state (periods, busy and available time) of the rows; durations in seconds';

-- 5. Exact durations: resolution_time, exact percentiles, on duration_values
COMMENT ON FUNCTION @extschema@.duration_values_in(cstring) IS 'text input of duration_values: {"version":1,"percentiles":[p,...],"array":b,"values":[seconds,...]}; validated';
COMMENT ON FUNCTION @extschema@.duration_values_out(@extschema@.duration_values) IS 'text output of duration_values (the form duration_values_in reads)';
COMMENT ON FUNCTION @extschema@.duration_values_recv(internal) IS 'binary input of duration_values (COPY BINARY, binary protocol): uint8 version, uint8 array flag, uint8 number of percentiles, float8 per percentile, int64 number of values, float8 per value; validated';
COMMENT ON FUNCTION @extschema@.duration_values_send(@extschema@.duration_values) IS 'binary output of duration_values (the form duration_values_recv reads)';
COMMENT ON FUNCTION @extschema@.duration_values_combine(@extschema@.duration_values, @extschema@.duration_values) IS 'parallel combine of resolution_time(): the values of the second state appended to the first (different percentiles are an error); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_percentile(@extschema@.duration_values) IS 'final function of resolution_time() with one percentile: the percentile recorded in the state, in seconds, as percentile_cont; NULL without values';
COMMENT ON FUNCTION @extschema@.duration_values_percentiles(@extschema@.duration_values) IS 'final function of resolution_time(..., percentiles): the percentiles recorded in the state, in seconds, as percentile_cont; NULL without values';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz) IS 'transition of resolution_time(opened_at, resolved_at): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz) IS 'moving-aggregate transition of resolution_time(opened_at, resolved_at) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz) IS 'inverse transition of resolution_time(opened_at, resolved_at): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision) IS 'transition of resolution_time(opened_at, resolved_at, percentile): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision) IS 'moving-aggregate transition of resolution_time(opened_at, resolved_at, percentile) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision) IS 'inverse transition of resolution_time(opened_at, resolved_at, percentile): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) IS 'transition of resolution_time(opened_at, resolved_at, percentiles): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) IS 'moving-aggregate transition of resolution_time(opened_at, resolved_at, percentiles) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) IS 'inverse transition of resolution_time(opened_at, resolved_at, percentiles): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval) IS 'transition of resolution_time(duration): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval) IS 'moving-aggregate transition of resolution_time(duration) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval) IS 'inverse transition of resolution_time(duration): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision) IS 'transition of resolution_time(duration, percentile): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision) IS 'moving-aggregate transition of resolution_time(duration, percentile) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision) IS 'inverse transition of resolution_time(duration, percentile): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision[]) IS 'transition of resolution_time(duration, percentiles): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision[]) IS 'moving-aggregate transition of resolution_time(duration, percentiles) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision[]) IS 'inverse transition of resolution_time(duration, percentiles): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision) IS 'transition of resolution_time(seconds): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision) IS 'moving-aggregate transition of resolution_time(seconds) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision) IS 'inverse transition of resolution_time(seconds): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision) IS 'transition of resolution_time(seconds, percentile): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision) IS 'moving-aggregate transition of resolution_time(seconds, percentile) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision) IS 'inverse transition of resolution_time(seconds, percentile): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision[]) IS 'transition of resolution_time(seconds, percentiles): adds the duration in seconds (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision[]) IS 'moving-aggregate transition of resolution_time(seconds, percentiles) over window frames: as duration_values_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision[]) IS 'inverse transition of resolution_time(seconds, percentiles): removes the duration for a row leaving the window frame (NULL: recompute the frame)';
COMMENT ON AGGREGATE @extschema@.resolution_time(timestamptz, timestamptz) IS 'the exact median of resolved_at - opened_at, in seconds (double precision), equal to what percentile_cont gives; a NULL resolved_at (unresolved) or opened_at is skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time(timestamptz, timestamptz, double precision) IS 'the exact percentile (0..1, the same on every row) of resolved_at - opened_at, in seconds (double precision), equal to what percentile_cont gives; a NULL resolved_at (unresolved) or opened_at is skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time(timestamptz, timestamptz, double precision[]) IS 'the exact percentiles (each 0..1, the same array on every row) of resolved_at - opened_at, in seconds (double precision[]), equal to what percentile_cont gives; a NULL resolved_at (unresolved) or opened_at is skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time(interval) IS 'the exact median of the durations, in seconds (double precision), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time(interval, double precision) IS 'the exact percentile (0..1, the same on every row) of the durations, in seconds (double precision), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time(interval, double precision[]) IS 'the exact percentiles (each 0..1, the same array on every row) of the durations, in seconds (double precision[]), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time(double precision) IS 'the exact median of the durations (seconds), in seconds (double precision), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time(double precision, double precision) IS 'the exact percentile (0..1, the same on every row) of the durations (seconds), in seconds (double precision), equal to what percentile_cont gives; NULL durations skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time(double precision, double precision[]) IS 'the exact percentiles (each 0..1, the same array on every row) of the durations (seconds), in seconds (double precision[]), equal to what percentile_cont gives; NULL durations skipped, NULL without any';

-- 6. Duration sketch: percentiles for dashboards and rolling windows
COMMENT ON FUNCTION @extschema@.duration_sketch_in(cstring) IS 'text input of duration_sketch: {"version":1,"kind":"duration","count":n,"sum_us":...,"min_us":...,"min_count":...,"max_us":...,"max_count":...,"zero":...,"offset":i,"buckets":[...]}; validated';
COMMENT ON FUNCTION @extschema@.duration_sketch_out(@extschema@.duration_sketch) IS 'text output of duration_sketch (the form duration_sketch_in reads)';
COMMENT ON FUNCTION @extschema@.duration_sketch_recv(internal) IS 'binary input of duration_sketch (COPY BINARY, binary protocol): uint8 version, uint8 kind, int16 0, int64 count, zero, sum_us, min_us, min_count, max_us, max_count, int32 offset, int32 number of buckets, int64 per bucket; validated';
COMMENT ON FUNCTION @extschema@.duration_sketch_send(@extschema@.duration_sketch) IS 'binary output of duration_sketch (the form duration_sketch_recv reads)';
COMMENT ON FUNCTION @extschema@.duration_sketch_combine(@extschema@.duration_sketch, @extschema@.duration_sketch) IS 'merges two duration_sketch values (parallel combine, rollup()): counts, sums and extremes merged; called directly it returns a new sketch';
COMMENT ON FUNCTION @extschema@.duration_sketch_uncombine(@extschema@.duration_sketch, @extschema@.duration_sketch) IS 'inverse of duration_sketch_combine: the second sketch removed from the first (in rollup() over window frames NULL when an extreme becomes unknown; called directly, an inexact extreme)';
COMMENT ON FUNCTION @extschema@.duration_sketch_nonempty(@extschema@.duration_sketch) IS 'final function of rollup(), and of duration_agg() and resolution_time_agg() over window frames: NULL for a sketch holding no value, else the sketch without empty edge buckets';
COMMENT ON FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, interval) IS 'transition of duration_agg(duration interval): the bucket of the duration + 1, count, sum and extremes (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, interval) IS 'moving-aggregate transition of duration_agg(duration interval) over window frames: as duration_sketch_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, interval) IS 'inverse transition of duration_agg(duration interval): the bucket of the duration - 1 for a row leaving the window frame (NULL: recompute the frame, also when the last copy of an extreme leaves)';
COMMENT ON FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, double precision) IS 'transition of duration_agg(seconds): the bucket of the duration + 1, count, sum and extremes (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, double precision) IS 'moving-aggregate transition of duration_agg(seconds) over window frames: as duration_sketch_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, double precision) IS 'inverse transition of duration_agg(seconds): the bucket of the duration - 1 for a row leaving the window frame (NULL: recompute the frame, also when the last copy of an extreme leaves)';
COMMENT ON FUNCTION @extschema@.duration_sketch_accum(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'transition of duration_agg(started_at, ended_at): the bucket of the duration + 1, count, sum and extremes (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_sketch_maccum(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'moving-aggregate transition of duration_agg(started_at, ended_at) over window frames: as duration_sketch_accum, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_sketch_retract(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'inverse transition of duration_agg(started_at, ended_at): the bucket of the duration - 1 for a row leaving the window frame (NULL: recompute the frame, also when the last copy of an extreme leaves)';
COMMENT ON FUNCTION @extschema@.duration_sketch_accum_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'transition of resolution_time_agg(opened_at, resolved_at): the bucket of resolved_at - opened_at + 1, count, sum and extremes (NULL skipped); refuses to run outside an aggregate';
COMMENT ON FUNCTION @extschema@.duration_sketch_maccum_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'moving-aggregate transition of resolution_time_agg(opened_at, resolved_at) over window frames: as duration_sketch_accum_resolution, but never returns NULL';
COMMENT ON FUNCTION @extschema@.duration_sketch_retract_resolution(@extschema@.duration_sketch, timestamptz, timestamptz) IS 'inverse transition of resolution_time_agg(opened_at, resolved_at): the bucket of the duration - 1 for a row leaving the window frame (NULL: recompute the frame, also when the last copy of an extreme leaves)';
COMMENT ON FUNCTION @extschema@.duration_percentile(@extschema@.duration_sketch, double precision) IS 'percentile p (0..1) of the sketch, in seconds, interpolated as percentile_cont and within 0.5 % of it; NULL for an empty sketch';
COMMENT ON FUNCTION @extschema@.duration_percentiles(@extschema@.duration_sketch, double precision[]) IS 'one percentile per element of p (each 0..1), in seconds, as duration_percentile; NULL elements give NULL elements';
COMMENT ON FUNCTION @extschema@.duration_median(@extschema@.duration_sketch) IS 'duration_percentile(sketch, 0.5), in seconds';
COMMENT ON FUNCTION @extschema@.duration_mean(@extschema@.duration_sketch) IS 'exact mean duration: sum / count, in seconds';
COMMENT ON FUNCTION @extschema@.duration_count(@extschema@.duration_sketch) IS 'number of durations counted (exact)';
COMMENT ON FUNCTION @extschema@.duration_min(@extschema@.duration_sketch) IS 'shortest duration, in seconds (exact unless an uncombine made it unknown)';
COMMENT ON FUNCTION @extschema@.duration_max(@extschema@.duration_sketch) IS 'longest duration, in seconds (exact unless an uncombine made it unknown)';
COMMENT ON FUNCTION @extschema@.duration_share_within(@extschema@.duration_sketch, double precision) IS 'durations <= seconds * 100 / count, numeric 0..100 (exact except for the bucket holding the threshold)';
COMMENT ON AGGREGATE @extschema@.duration_agg(interval) IS 'duration_sketch of the durations (intervals): percentiles within 0.5 %, exact count, mean, min and max; NULL skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.duration_agg(double precision) IS 'duration_sketch of the durations given in seconds: percentiles within 0.5 %, exact count, mean, min and max; NULL skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.duration_agg(timestamptz, timestamptz) IS 'duration_sketch of ended_at - started_at: percentiles within 0.5 %, exact count, mean, min and max; NULL skipped, NULL without any';
COMMENT ON AGGREGATE @extschema@.resolution_time_agg(timestamptz, timestamptz) IS 'duration_sketch of resolved_at - opened_at (a NULL resolved_at, unresolved, is skipped): duration_agg under the name analysts look for';

-- 7. Business calendars: working-time durations
COMMENT ON FUNCTION @extschema@.business_calendar_in(cstring) IS 'text input of business_calendar: zone; weekly hours; dated hours; holidays (canonical: weekdays grouped, intervals sorted and merged); validated';
COMMENT ON FUNCTION @extschema@.business_calendar_out(@extschema@.business_calendar) IS 'text output of business_calendar (the form business_calendar_in reads)';
COMMENT ON FUNCTION @extschema@.business_calendar_recv(internal) IS 'binary input of business_calendar (COPY BINARY, binary protocol): uint8 version, the zone name, the intervals of each weekday, then the dated entries (first and last date, their intervals); validated';
COMMENT ON FUNCTION @extschema@.business_calendar_send(@extschema@.business_calendar) IS 'binary output of business_calendar (the form business_calendar_recv reads)';

-- 8. Contact timelines: per-contact timings from event logs
COMMENT ON FUNCTION @extschema@.contact_timeline_state_in(cstring) IS 'text input of contact_timeline_state: {"version":1,"events":[[at,kind,party,operator_id],...]}; validated (STABLE, as timestamptz input)';
COMMENT ON FUNCTION @extschema@.contact_timeline_state_out(@extschema@.contact_timeline_state) IS 'text output of contact_timeline_state (the form contact_timeline_state_in reads)';
COMMENT ON FUNCTION @extschema@.contact_timeline_state_recv(internal) IS 'binary input of contact_timeline_state (COPY BINARY, binary protocol): uint8 version, int32 number of events, per event int64 time, kind and party bytes, int32 length and bytes of the operator id (-1 for NULL); validated';
COMMENT ON FUNCTION @extschema@.contact_timeline_state_send(@extschema@.contact_timeline_state) IS 'binary output of contact_timeline_state (the form contact_timeline_state_recv reads)';
COMMENT ON FUNCTION @extschema@.contact_timeline_in(cstring) IS 'text input of contact_timeline: {"version":1,"first_event":...,...,"resolved":b}, times in UTC, durations in seconds; validated (STABLE, as timestamptz input)';
COMMENT ON FUNCTION @extschema@.contact_timeline_out(@extschema@.contact_timeline) IS 'text output of contact_timeline (the form contact_timeline_in reads)';
COMMENT ON FUNCTION @extschema@.contact_timeline_recv(internal) IS 'binary input of contact_timeline (COPY BINARY, binary protocol): version and flag bytes, then 18 int64 (counts, times in microseconds, durations with -1 for NULL); validated';
COMMENT ON FUNCTION @extschema@.contact_timeline_send(@extschema@.contact_timeline) IS 'binary output of contact_timeline (the form contact_timeline_recv reads)';
COMMENT ON FUNCTION @extschema@.contact_timeline_combine(@extschema@.contact_timeline_state, @extschema@.contact_timeline_state) IS 'parallel combine of contact_timeline(): the events of both states of one contact, concatenated';
COMMENT ON FUNCTION @extschema@.contact_timeline_final(@extschema@.contact_timeline_state) IS 'final function of contact_timeline(): sorts the events and summarizes them into a contact_timeline; also callable on a stored state';
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) IS 'transition of contact_timeline(kind, at), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) IS 'inverse transition of contact_timeline(kind, at): removes the event of a row leaving the window frame (one equal event)';
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) IS 'transition of contact_timeline(kind, at, party), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) IS 'inverse transition of contact_timeline(kind, at, party): removes the event of a row leaving the window frame (one equal event)';
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) IS 'transition of contact_timeline(kind, at, party, operator_id), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) IS 'inverse transition of contact_timeline(kind, at, party, operator_id): removes the event of a row leaving the window frame (one equal event)';
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz) IS 'transition of contact_timeline(kind text, at), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz) IS 'inverse transition of contact_timeline(kind text, at): removes the event of a row leaving the window frame (one equal event)';
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) IS 'transition of contact_timeline(kind text, at, party), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) IS 'inverse transition of contact_timeline(kind text, at, party): removes the event of a row leaving the window frame (one equal event)';
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) IS 'transition of contact_timeline(kind text, at, party, operator_id), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) IS 'inverse transition of contact_timeline(kind text, at, party, operator_id): removes the event of a row leaving the window frame (one equal event)';
COMMENT ON FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event) IS 'transition of contact_timeline(event), also its moving-aggregate transition: appends the event (NULL kind or at skipped), never returns NULL';
COMMENT ON FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event) IS 'inverse transition of contact_timeline(event): removes the event of a row leaving the window frame (one equal event)';
COMMENT ON FUNCTION @extschema@.response_turns(@extschema@.contact_timeline) IS 'number of answered customer turns (customer message -> operator reply)';
COMMENT ON FUNCTION @extschema@.message_count(@extschema@.contact_timeline) IS 'number of messages of every party';
COMMENT ON FUNCTION @extschema@.message_count(@extschema@.contact_timeline, @extschema@.contact_party) IS 'number of messages of the party (0 for system)';
COMMENT ON FUNCTION @extschema@.event_count(@extschema@.contact_timeline) IS 'number of events of the contact';
COMMENT ON FUNCTION @extschema@.transfer_count(@extschema@.contact_timeline) IS 'number of transferred events';
COMMENT ON FUNCTION @extschema@.reopen_count(@extschema@.contact_timeline) IS 'number of reopened events';
COMMENT ON AGGREGATE @extschema@.contact_timeline(@extschema@.contact_event_kind, timestamptz) IS 'the timings of one contact (a contact_timeline) from its events given as (kind, at), each party the kind''s default, in any order; NULL without events';
COMMENT ON AGGREGATE @extschema@.contact_timeline(@extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) IS 'the timings of one contact (a contact_timeline) from its events given as (kind, at, party), in any order; NULL without events';
COMMENT ON AGGREGATE @extschema@.contact_timeline(@extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) IS 'the timings of one contact (a contact_timeline) from its events given as (kind, at, party, operator_id), in any order; NULL without events';
COMMENT ON AGGREGATE @extschema@.contact_timeline(text, timestamptz) IS 'the timings of one contact (a contact_timeline) from its events given as (kind text, at), kinds as the enum''s labels, each party the kind''s default, in any order; NULL without events';
COMMENT ON AGGREGATE @extschema@.contact_timeline(text, timestamptz, @extschema@.contact_party) IS 'the timings of one contact (a contact_timeline) from its events given as (kind text, at, party), kinds as the enum''s labels, in any order; NULL without events';
COMMENT ON AGGREGATE @extschema@.contact_timeline(text, timestamptz, @extschema@.contact_party, text) IS 'the timings of one contact (a contact_timeline) from its events given as (kind text, at, party, operator_id), kinds as the enum''s labels, in any order; NULL without events';
COMMENT ON AGGREGATE @extschema@.contact_timeline(@extschema@.contact_event) IS 'the timings of one contact (a contact_timeline) from its events given as rows of the composite type contact_event, in any order; NULL without events';

-- 9. Staffing: Erlang C
COMMENT ON FUNCTION @extschema@.erlang_c_pw(double precision, double precision, double precision, integer) IS 'Erlang C probability that a contact waits (a fraction 0..1), for contacts offered per interval of interval_s seconds, an average handle time of aht_s seconds and the given number of agents';
COMMENT ON FUNCTION @extschema@.erlang_c_sl(double precision, double precision, double precision, integer, double precision) IS 'Erlang C predicted service level: the fraction 0..1 of contacts answered within threshold_s seconds';
COMMENT ON FUNCTION @extschema@.erlang_c_asa(double precision, double precision, double precision, integer) IS 'Erlang C predicted average speed of answer, in seconds (Infinity when the agents cannot carry the traffic)';
COMMENT ON FUNCTION @extschema@.erlang_c_occupancy(double precision, double precision, double precision, integer) IS 'Erlang C agent occupancy: traffic / agents, a fraction 0..1 (capped at 1)';
COMMENT ON FUNCTION @extschema@.erlang_c_agents(double precision, double precision, double precision, double precision, double precision) IS 'the fewest agents whose Erlang C service level within threshold_s seconds reaches target_sl (a fraction 0..1)';
COMMENT ON FUNCTION @extschema@.erlang_c_agents(double precision, double precision, double precision, double precision, double precision, double precision) IS 'the fewest agents whose Erlang C service level within threshold_s seconds reaches target_sl (a fraction) at an occupancy of at most max_occupancy (a fraction, (0, 1])';

-- 10. Rollup: merging stored states
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.nps_state) IS 'merges nps_state values: counters added, NULL states skipped; NULL without any';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.ces_state) IS 'merges ces_state values: counters added, NULL states skipped; states of different scales are an error; NULL without any';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.csat_state) IS 'merges csat_state values: counters added, NULL states skipped; states of different scales are an error; NULL without any';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.share_state) IS 'merges share_state values: counters added, NULL states skipped; NULL without any';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.queue_state) IS 'merges queue_state values: counters added, NULL states skipped; states of different policies are an error; NULL without any';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.handle_state) IS 'merges handle_state values: counters added, NULL states skipped; NULL without any';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.occupancy_state) IS 'merges occupancy_state values: counters added, NULL states skipped; NULL without any';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.duration_sketch) IS 'merges duration_sketch values: counts added, the same bytes as duration_agg over all their rows; NULL states skipped, NULL when none holds a value';

-- ---------------------------------------------------------------------------
-- C entry points renamed in 1.3: the C function behind SQL function f is
-- skpi_f (plus a suffix naming the form where one SQL name has several C
-- functions).  Re-point every C function whose symbol changed; the old
-- symbols stay exported (src/legacy.c) for installations not yet updated.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.nps_state_accum(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.nps_state_maccum(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.nps_state_retract(@extschema@.nps_state, integer) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.nps_state_nonempty(@extschema@.nps_state) RETURNS @extschema@.nps_state
	AS 'MODULE_PATHNAME', 'skpi_nps_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.nps(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.promoters_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_promoters_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.passives_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_passives_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.detractors_pct(@extschema@.nps_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_detractors_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.responses(@extschema@.nps_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_responses_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.score_counts(@extschema@.nps_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_score_counts_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.ces_state_accum(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.ces_state_maccum(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.ces_state_retract(@extschema@.ces_state, integer, integer) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.ces_state_nonempty(@extschema@.ces_state) RETURNS @extschema@.ces_state
	AS 'MODULE_PATHNAME', 'skpi_ces_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.ces(@extschema@.ces_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.responses(@extschema@.ces_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_responses_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.score_counts(@extschema@.ces_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_score_counts_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.csat_state_accum(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.csat_state_maccum(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.csat_state_retract(@extschema@.csat_state, integer, integer) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.csat_state_nonempty(@extschema@.csat_state) RETURNS @extschema@.csat_state
	AS 'MODULE_PATHNAME', 'skpi_csat_state_nonempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.csat(@extschema@.csat_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.responses(@extschema@.csat_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_responses_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.score_counts(@extschema@.csat_state) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'skpi_score_counts_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.share_state_accum(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.share_state_maccum(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_maccum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.share_state_retract(@extschema@.share_state, boolean) RETURNS @extschema@.share_state
	AS 'MODULE_PATHNAME', 'skpi_share_state_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, interval, boolean, interval, interval, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, double precision, boolean, double precision, double precision, text) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract(@extschema@.queue_state, timestamptz, timestamptz, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, interval, boolean, interval) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, double precision, boolean, double precision) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_accum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_accum_nothreshold_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_maccum_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_maccum_nothreshold_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.queue_state_retract_nothreshold(@extschema@.queue_state, timestamptz, timestamptz) RETURNS @extschema@.queue_state
	AS 'MODULE_PATHNAME', 'skpi_queue_state_retract_nothreshold_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.sl_pct(@extschema@.queue_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_sl_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.sl_pct(state @extschema@.queue_state, policy text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_sl_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.abandon_rate(@extschema@.queue_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_abandon_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.asa(@extschema@.queue_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_asa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.offered(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_offered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answered(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.answered_within(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_answered_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.abandoned(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.short_abandoned(@extschema@.queue_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_short_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.sl_ci_lower(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_sl_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.sl_ci_upper(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_sl_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.abandon_rate_ci_lower(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_abandon_rate_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.abandon_rate_ci_upper(state @extschema@.queue_state, level double precision DEFAULT 0.95) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_abandon_rate_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval, interval, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, interval) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision, double precision, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_accum(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_maccum(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_state_retract(@extschema@.handle_state, double precision) RETURNS @extschema@.handle_state
	AS 'MODULE_PATHNAME', 'skpi_handle_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.aht(@extschema@.handle_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_aht' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handled(@extschema@.handle_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_handled' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, interval, interval) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.occupancy_state_accum(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.occupancy_state_maccum(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.occupancy_state_retract(@extschema@.occupancy_state, double precision, double precision) RETURNS @extschema@.occupancy_state
	AS 'MODULE_PATHNAME', 'skpi_occupancy_state_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.occupancy(@extschema@.occupancy_state) RETURNS numeric
	AS 'MODULE_PATHNAME', 'skpi_occupancy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.busy_seconds(@extschema@.occupancy_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_busy_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.available_seconds(@extschema@.occupancy_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_available_seconds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_in(cstring) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_out(@extschema@.duration_values) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_duration_values_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_recv(internal) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_send(@extschema@.duration_values) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_duration_values_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_combine(@extschema@.duration_values, @extschema@.duration_values) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_percentile(@extschema@.duration_values) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_duration_values_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_percentiles(@extschema@.duration_values) RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'skpi_duration_values_percentiles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_timestamps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_timestamps_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_timestamps_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_timestamps_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_timestamps_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_timestamps_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, timestamptz, timestamptz, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_timestamps_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_interval_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_interval_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_interval_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_interval_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_interval_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, interval, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_interval_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_seconds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_seconds_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_seconds_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_seconds_pct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_accum(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_accum_seconds_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_maccum(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_maccum_seconds_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.duration_values_retract(@extschema@.duration_values, double precision, double precision[]) RETURNS @extschema@.duration_values
	AS 'MODULE_PATHNAME', 'skpi_duration_values_retract_seconds_pcts' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.business_calendar_in(cstring) RETURNS @extschema@.business_calendar
	AS 'MODULE_PATHNAME', 'skpi_business_calendar_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.business_calendar_out(@extschema@.business_calendar) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_business_calendar_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.business_calendar_recv(internal) RETURNS @extschema@.business_calendar
	AS 'MODULE_PATHNAME', 'skpi_business_calendar_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.business_calendar_send(@extschema@.business_calendar) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_business_calendar_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_state_in(cstring) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_state_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_state_out(@extschema@.contact_timeline_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_state_recv(internal) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_state_send(@extschema@.contact_timeline_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_in(cstring) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_out(@extschema@.contact_timeline) RETURNS cstring
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_recv(internal) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_send(@extschema@.contact_timeline) RETURNS bytea
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_combine(@extschema@.contact_timeline_state, @extschema@.contact_timeline_state) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_final(@extschema@.contact_timeline_state) RETURNS @extschema@.contact_timeline
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event_kind, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, text, timestamptz, @extschema@.contact_party, text) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_accum(@extschema@.contact_timeline_state, @extschema@.contact_event) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_timeline_retract(@extschema@.contact_timeline_state, @extschema@.contact_event) RETURNS @extschema@.contact_timeline_state
	AS 'MODULE_PATHNAME', 'skpi_contact_timeline_retract' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.first_event_at(@extschema@.contact_timeline) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_first_event_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.first_customer_message_at(@extschema@.contact_timeline) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'skpi_first_customer_message_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.first_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_first_response_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.avg_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_avg_response_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.max_response_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_max_response_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.response_turns(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_response_turns' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.assignment_to_reply_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_assignment_to_reply_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.handle_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_handle_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.hold_time(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_hold_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.contact_duration(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_contact_duration' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.time_to_resolution(@extschema@.contact_timeline) RETURNS double precision
	AS 'MODULE_PATHNAME', 'skpi_time_to_resolution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.message_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_message_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.message_count(@extschema@.contact_timeline, party @extschema@.contact_party) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_message_count_party' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.event_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_event_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.transfer_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_transfer_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.reopen_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_reopen_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.operator_count(@extschema@.contact_timeline) RETURNS bigint
	AS 'MODULE_PATHNAME', 'skpi_operator_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.bot_handoff(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_bot_handoff' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.is_abandoned(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_is_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.is_resolved(@extschema@.contact_timeline) RETURNS boolean
	AS 'MODULE_PATHNAME', 'skpi_is_resolved' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

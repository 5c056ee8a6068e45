/* support_kpi--1.1--1.3.sql: from 1.1 straight to 1.3 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION support_kpi UPDATE TO '1.3'" to load this file. \quit

-- 1.2 is withdrawn as a target: its update script (support_kpi--1.1--1.2.sql,
-- kept unchanged in the repository) created generate_demo_events with a body
-- that binds, while the script runs, to overloads planted in the target
-- schema or in public (see support_kpi--1.2--1.3.sql), so it is no longer
-- installed and no CREATE EXTENSION or ALTER EXTENSION can reach 1.2.  An
-- installation of 1.1 updates to 1.3 here: 1.2's objects (the demo data
-- generator), with 1.3's generate_demo_events.  Installations of 1.2 made
-- before update with support_kpi--1.2--1.3.sql.

--------------------------------------------------------------------------
-- Demo data: a deterministic synthetic support line (chats, calls, e-mail)
-- for the cookbook, `make demo` and tests.  Pseudo-random numbers come from
-- hashint8extended(key, seed): integer hashing only (no byte-order or
-- locale dependence), and durations from IEEE-exact arithmetic (+ - * /
-- sqrt) rounded to whole seconds, so the same arguments give the same rows
-- on every platform and every run.  No random(), no volatile functions.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.demo_uniform(key bigint, seed bigint) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ((pg_catalog.hashint8extended(pg_catalog.hashint8extended(key, seed), seed) OPERATOR(pg_catalog.>>) 11)
	OPERATOR(pg_catalog.&) 9007199254740991)::double precision OPERATOR(pg_catalog./) 9007199254740992::double precision;
COMMENT ON FUNCTION @extschema@.demo_uniform(bigint, bigint) IS 'demo data: a uniform number in [0, 1) from hashint8extended applied twice to (key, seed); the same on every platform';

-- log-logistic quantile of shape 2 (median m, mean pi/2 m, a long tail) or 4 (mean 1.11 m):
-- m * (u / (1 - u))^(1/shape); sqrt is correctly rounded (IEEE 754), so the result is exact everywhere
CREATE FUNCTION @extschema@.demo_loglogistic(u double precision, median double precision, shape integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN median OPERATOR(pg_catalog.*) CASE WHEN shape OPERATOR(pg_catalog.=) 4
	THEN pg_catalog.sqrt(pg_catalog.sqrt(u OPERATOR(pg_catalog./) (1::double precision OPERATOR(pg_catalog.-) u)))
	ELSE pg_catalog.sqrt(u OPERATOR(pg_catalog./) (1::double precision OPERATOR(pg_catalog.-) u)) END;
COMMENT ON FUNCTION @extschema@.demo_loglogistic(double precision, double precision, integer) IS 'demo data: the quantile u of a log-logistic distribution of the given median and shape (4, else 2)';

-- PL/pgSQL resolves names when it runs: the search_path is pinned (pg_catalog, never
-- pg_temp for functions and operators), and every call of an @extschema@ function has
-- arguments of exactly its parameter types (typed literals: 35::double precision, not 35),
-- so no overload planted in a schema others can write to (public) is ever a better match
CREATE FUNCTION @extschema@.demo_contacts_detail(months integer, start_month date, seed bigint)
RETURNS TABLE (contact_id bigint, channel text, queue text, product text, segment text, customer_id bigint,
	operator_id text, transferred_to text, arrived_at timestamptz, offered_at timestamptz,
	answered_at timestamptz, abandoned_at timestamptz, wait_seconds integer, answered boolean,
	talk_seconds integer, hold_seconds integer, wrap_seconds integer, handle_seconds integer,
	bot_handled boolean, bot_contained boolean, transferred boolean, resolved boolean,
	resolved_at timestamptz, first_contact_resolved boolean, repeat_of bigint,
	rating integer, nps integer, ces integer,
	bot_seconds integer, turns integer, turn_seconds integer, resolve_delay integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	IF months IS NULL OR start_month IS NULL OR seed IS NULL THEN
		RAISE EXCEPTION 'demo data arguments must not be NULL' USING ERRCODE = '22004';
	END IF;
	IF months < 1 OR months > 120 THEN
		RAISE EXCEPTION 'months % is outside the range 1..120', months USING ERRCODE = '22023';
	END IF;
	IF NOT isfinite(start_month) OR start_month < date '1970-01-01' OR start_month > date '2200-01-01' THEN
		RAISE EXCEPTION 'start_month % is outside the range 1970-01-01..2200-01-01',
			CASE WHEN isfinite(start_month) THEN to_char(start_month, 'YYYY-MM-DD') ELSE start_month::text END
			USING ERRCODE = '22008';
	END IF;
	IF extract(day FROM start_month) <> 1 THEN
		RAISE EXCEPTION 'start_month % is not the first day of a month', to_char(start_month, 'YYYY-MM-DD')
			USING ERRCODE = '22023',
				HINT = format('Use date_trunc(''month'', ...): %s.', to_char(date_trunc('month', start_month), 'YYYY-MM-DD'));
	END IF;
	RETURN QUERY
	WITH mon AS (
		SELECT g.m,
			extract(epoch FROM (start_month + make_interval(months => g.m)))::bigint AS t0,
			((start_month + make_interval(months => g.m + 1))::date
				- (start_month + make_interval(months => g.m))::date) AS days,
			g.m % 12 + 1 AS si, least(g.m, 12) + 1 AS qi,
			extract(epoch FROM (start_month + interval '6 months 14 days'))::bigint AS t_train
		FROM generate_series(0, months - 1) g(m)),
	ops AS (
		SELECT o.idx, o.name, o.team, o.from_m, o.to_m,
			0.8 + 0.5 * @extschema@.demo_uniform(4000000000 + o.idx * 8, seed) AS speed,
			0.5 + 1.3 * @extschema@.demo_uniform(4000000001 + o.idx * 8, seed) AS negativity,
			0.7 + 0.7 * @extschema@.demo_uniform(4000000002 + o.idx * 8, seed) AS repeats,
			0.8 + 0.45 * @extschema@.demo_uniform(4000000003 + o.idx * 8, seed) AS slowness
		FROM (VALUES (1, 'anna', 'general', 0, 999), (2, 'boris', 'general', 0, 999),
			(3, 'daria', 'general', 0, 999), (4, 'egor', 'general', 0, 8),
			(5, 'fedor', 'general', 0, 999), (6, 'irina', 'general', 0, 999),
			(7, 'kirill', 'general', 0, 999), (8, 'maria', 'general', 0, 999),
			(9, 'nikita', 'general', 0, 999), (10, 'olga', 'general', 0, 999),
			(11, 'roman', 'general', 0, 999), (12, 'sofia', 'general', 3, 999),
			(13, 'timur', 'general', 8, 999), (14, 'ulyana', 'general', 0, 999),
			(15, 'vera', 'pharmacists', 0, 999), (16, 'gleb', 'pharmacists', 0, 999),
			(17, 'kira', 'pharmacists', 0, 999), (18, 'lev', 'partners', 0, 999),
			(19, 'pavel', 'partners', 0, 999), (20, 'rita', 'partners', 0, 999))
			o(idx, name, team, from_m, to_m)),
	pools AS (
		SELECT mon.m, ops.team, array_agg(ops.idx ORDER BY ops.idx) AS pool
		FROM mon JOIN ops ON mon.m BETWEEN ops.from_m AND ops.to_m GROUP BY 1, 2),
	-- first contacts about an issue; follow-ups (repeats) are added below
	prim AS (
		SELECT mon.*, c.ch, k.key,
			(ARRAY[0.16, 0.16, 0.15, 0.15, 0.14, 0.14, 0.14, 0.10, 0.10, 0.09, 0.09, 0.09, 0.09])[mon.qi] AS p_follow
		FROM mon
		CROSS JOIN LATERAL (VALUES
			('chat', 0, (ARRAY[7348, 8965, 9674, 8798, 7714, 7193, 6576, 7080, 7890, 8610, 8930, 9770])[mon.si]),
			('call', 1, (ARRAY[549, 483, 236, 785, 490, 523, 690, 610, 575, 560, 540, 630])[mon.si]),
			('email', 2, (ARRAY[380, 410, 450, 430, 400, 390, 370, 380, 420, 440, 450, 480])[mon.si])) c(ch, chn, target)
		CROSS JOIN LATERAL (SELECT ((mon.m * 3 + c.chn) * 20000 + i)::bigint AS key
			FROM generate_series(1, round(c.target / 1.12)::int) i) k),
	prim2 AS (
		SELECT p.*, u.seg, u.cust, u.prod,
			CASE WHEN u.seg = 'partner' THEN 'partners' WHEN u.prod = 'consultation' THEN 'pharmacists'
				ELSE 'general' END AS team,
			p.t0 + floor(@extschema@.demo_uniform(p.key * 64 + 1, seed) * p.days)::bigint * 86400
				+ CASE p.ch WHEN 'email' THEN floor(@extschema@.demo_uniform(p.key * 64 + 2, seed) * 86400)::bigint
					WHEN 'call' THEN 21600 + floor((@extschema@.demo_uniform(p.key * 64 + 2, seed)
						+ @extschema@.demo_uniform(p.key * 64 + 3, seed)) * 21600)::bigint
					ELSE 18000 + floor((@extschema@.demo_uniform(p.key * 64 + 2, seed)
						+ @extschema@.demo_uniform(p.key * 64 + 3, seed)) * 27000)::bigint END AS arrival
		FROM prim p
		CROSS JOIN LATERAL (SELECT s.seg,
				CASE WHEN s.seg = 'partner' THEN 900001 + floor(@extschema@.demo_uniform(p.key * 64 + 5, seed) * 1200)::bigint
					ELSE 100001 + floor(@extschema@.demo_uniform(p.key * 64 + 5, seed) * 60000)::bigint END AS cust,
				CASE WHEN s.seg = 'partner' THEN CASE WHEN s.pu < 0.45 THEN 'orders' WHEN s.pu < 0.8 THEN 'payments' ELSE 'app' END
					ELSE CASE WHEN s.pu < 0.34 THEN 'orders' WHEN s.pu < 0.60 THEN 'delivery' WHEN s.pu < 0.76 THEN 'payments'
						WHEN s.pu < 0.90 THEN 'consultation' ELSE 'app' END END AS prod
			FROM (SELECT CASE WHEN @extschema@.demo_uniform(p.key * 64 + 4, seed) < 0.12 THEN 'partner' ELSE 'client' END AS seg,
					@extschema@.demo_uniform(p.key * 64 + 6, seed) AS pu) s) u),
	-- the operator who takes the first contact, and whether the issue needs another contact
	prim3 AS (
		SELECT p.*, o.idx AS op, pl.pool,
			@extschema@.demo_uniform(p.key * 64 + 7, seed) < p.p_follow * o.repeats AS has_follow
		FROM prim2 p JOIN pools pl ON pl.m = p.m AND pl.team = p.team
		JOIN ops o ON o.idx = pl.pool[1 + floor(@extschema@.demo_uniform(p.key * 64 + 8, seed) * cardinality(pl.pool))::int]),
	fol AS (
		SELECT f.key, mon.m, mon.t0, mon.days, mon.si, mon.qi, mon.t_train, f.ch, f.seg, f.cust, f.prod, f.team,
			f.arrival, f.repeat_key
		FROM (SELECT 10000000 + p.key AS key,
				p.m + (p.arrival + p.delay >= p.t0 + p.days * 86400)::int AS m,
				CASE WHEN p.ch = 'chat' AND p.cu < 0.08 THEN 'call' WHEN p.ch = 'email' AND p.cu < 0.3 THEN 'chat'
					WHEN p.ch = 'call' AND p.cu < 0.2 THEN 'chat' ELSE p.ch END AS ch,
				p.seg, p.cust, p.prod, p.team, p.arrival + p.delay AS arrival, p.key AS repeat_key
			FROM (SELECT p.*, 1800 + floor(@extschema@.demo_uniform(p.key * 64 + 9, seed) ^ 2 * 518400)::bigint AS delay,
					@extschema@.demo_uniform(p.key * 64 + 10, seed) AS cu
				FROM prim3 p WHERE p.has_follow) p) f
		JOIN mon ON mon.m = f.m),
	skel AS (
		SELECT p.key, p.m, p.t0, p.days, p.si, p.qi, p.t_train, p.ch, p.seg, p.cust, p.prod, p.team, p.arrival,
			NULL::bigint AS repeat_key, p.op, p.pool, p.has_follow
		FROM prim3 p
		UNION ALL
		SELECT f.key, f.m, f.t0, f.days, f.si, f.qi, f.t_train, f.ch, f.seg, f.cust, f.prod, f.team, f.arrival,
			f.repeat_key, pl.pool[1 + floor(@extschema@.demo_uniform(f.key * 64 + 8, seed) * cardinality(pl.pool))::int],
			pl.pool, false
		FROM fol f JOIN pools pl ON pl.m = f.m AND pl.team = f.team),
	-- per-contact draws.  b, d and g are MATERIALIZED: the later steps read their columns many
	-- times, and an inlined CTE would evaluate the whole expression again for each reference (3x slower)
	a AS (
		SELECT s.*, o.name AS op_name, o.negativity, o.slowness,
			o.speed * CASE WHEN s.m - o.from_m < 2 AND o.from_m > 0 THEN 1.35 ELSE 1 END AS speed,
			(s.arrival >= s.t_train) AS post,
			CASE WHEN s.ch = 'chat' THEN @extschema@.demo_uniform(s.key * 64 + 11, seed)
				< CASE WHEN s.qi >= 7 THEN 0.55 ELSE 0.30 END END AS bot,
			@extschema@.demo_uniform(s.key * 64 + 12, seed) AS u_contain,
			10 + floor(@extschema@.demo_uniform(s.key * 64 + 13, seed) * 40)::int AS bot_s,
			@extschema@.demo_uniform(s.key * 64 + 14, seed) AS u_abandon,
			@extschema@.demo_uniform(s.key * 64 + 15, seed) AS u_abwait,
			@extschema@.demo_uniform(s.key * 64 + 16, seed) AS u_wait,
			@extschema@.demo_uniform(s.key * 64 + 17, seed) AS u_transfer,
			@extschema@.demo_uniform(s.key * 64 + 18, seed) AS u_transfer_to,
			@extschema@.demo_uniform(s.key * 64 + 19, seed) AS u_long,
			@extschema@.demo_uniform(s.key * 64 + 20, seed) * @extschema@.demo_uniform(s.key * 64 + 21, seed) AS u_turns,
			@extschema@.demo_uniform(s.key * 64 + 22, seed) AS u_dur,
			5 + floor(@extschema@.demo_uniform(s.key * 64 + 23, seed) * 60)::int AS resolve_delay,
			@extschema@.demo_uniform(s.key * 64 + 24, seed) AS u_unresolved,
			@extschema@.demo_uniform(s.key * 64 + 25, seed) AS u_hold,
			@extschema@.demo_uniform(s.key * 64 + 26, seed) AS u_holdlen,
			@extschema@.demo_uniform(s.key * 64 + 27, seed) AS u_wrap,
			@extschema@.demo_uniform(s.key * 64 + 28, seed) AS u_escalate,
			@extschema@.demo_uniform(s.key * 64 + 29, seed) AS u_esclen,
			CASE WHEN s.qi = 7 THEN CASE WHEN s.arrival >= s.t_train THEN 0.2 ELSE 5 END
				ELSE (ARRAY[0.25, 0.31, 0.31, 0.15, 0.26, 0.18, 0, 0.12, 0.12, 0.11, 0.11, 0.11, 0.11])[s.qi] END AS k_month
		FROM skel s JOIN ops o ON o.idx = s.op),
	b AS MATERIALIZED (
		SELECT a.*,
			coalesce(a.bot AND a.u_contain < CASE WHEN a.qi >= 7 THEN 0.45 ELSE 0.35 END, false) AS contained,
			a.ch <> 'email' AND a.u_abandon < CASE a.ch
				WHEN 'call' THEN (ARRAY[0.07, 0.06, 0.05, 0.06, 0.05, 0.05, 0.055, 0.035, 0.03, 0.03, 0.03, 0.03, 0.03])[a.qi]
				ELSE (ARRAY[0.05, 0.04, 0.03, 0.03, 0.025, 0.03, 0.03, 0.02, 0.02, 0.018, 0.018, 0.02, 0.018])[a.qi] END AS abandon_draw,
			-- seconds in the queue before the answer
			CASE a.ch
				WHEN 'chat' THEN least(1800, 3 + round(@extschema@.demo_loglogistic(a.u_wait,
					CASE WHEN a.qi = 7 THEN CASE WHEN a.post THEN 36 ELSE 80 END
						ELSE (ARRAY[200, 118, 62, 58, 30, 60, 0, 33, 30, 28, 27, 26, 26])[a.qi] END
					* a.speed / 1.05 * CASE WHEN a.bot THEN 0.5 ELSE 1 END, 2))::int)
				WHEN 'call' THEN least(900, round(@extschema@.demo_loglogistic(a.u_wait,
					(ARRAY[18, 16, 12, 14, 11, 12, 13, 9, 8, 8, 7, 8, 8])[a.qi] * a.speed, 4))::int)
				ELSE least(259200, 300 + round(@extschema@.demo_loglogistic(a.u_wait,
					(ARRAY[5, 4.5, 4, 3.5, 3, 3, 3, 2, 1.8, 1.6, 1.5, 1.5, 1.5])[a.qi] * 3600 * a.speed, 4))::int) END AS wait,
			CASE WHEN a.ch = 'call' AND a.u_abwait < 0.12 THEN 1 + floor(a.u_abwait * 33)::int
				WHEN a.ch = 'call' THEN least(600, 5 + round(@extschema@.demo_loglogistic(a.u_abwait, 35::double precision, 4))::int)
				ELSE least(1800, 10 + round(@extschema@.demo_loglogistic(a.u_abwait, 100::double precision, 4))::int) END AS abandon_wait,
			a.u_long < 0.015 AS long_chat
		FROM a),
	c AS (
		SELECT b.*,
			NOT b.contained AND NOT b.abandon_draw AS handled,
			b.abandon_draw AND NOT b.contained AS abandon,
			NOT b.contained AND NOT b.abandon_draw AND b.ch <> 'email' AND b.u_transfer
				< CASE WHEN b.post THEN 0.05 ELSE 0.09 END * CASE b.ch WHEN 'call' THEN 0.8 ELSE 1 END AS transfer,
			CASE WHEN b.ch <> 'chat' THEN 1
				WHEN b.long_chat THEN 6 + floor(b.u_turns * 8)::int
				ELSE 1 + floor(b.u_turns * 8)::int END AS n_turns,
			CASE WHEN b.ch <> 'chat' THEN 0
				WHEN b.long_chat THEN 60 + least(3000, round(@extschema@.demo_loglogistic(b.u_dur, 800::double precision, 4))::int)
				ELSE 6 + least(1200, round(2 * @extschema@.demo_loglogistic(b.u_dur,
					(ARRAY[90, 70, 50, 45, 35, 45, 42, 30, 28, 26, 25, 25, 25])[b.qi] * b.speed, 4))::int) END AS slot
		FROM b),
	d AS MATERIALIZED (
		SELECT c.*,
			CASE WHEN c.transfer THEN greatest(c.n_turns, 2) ELSE c.n_turns END AS turns_n,
			CASE WHEN c.contained THEN NOT c.has_follow
				ELSE c.handled AND NOT c.has_follow AND c.u_unresolved >= 0.02 END AS is_resolved,
			CASE WHEN c.ch = 'chat' AND c.bot THEN c.arrival + c.bot_s END AS bot_end,
			CASE WHEN c.ch = 'call' THEN 5 + round(@extschema@.demo_loglogistic(c.u_dur,
				(ARRAY[68, 100, 104, 27, 71, 53, 53, 55, 57, 56, 55, 57, 57])[c.qi] * c.slowness / 1.1, 4))::int END AS talk,
			CASE WHEN c.ch = 'call' THEN CASE WHEN c.u_hold < 0.2
				THEN 15 + least(600, round(@extschema@.demo_loglogistic(c.u_holdlen, 40::double precision, 4))::int) ELSE 0 END END AS hold,
			CASE WHEN c.ch = 'call' THEN round((10 + c.u_wrap * 40) * c.slowness)::int END AS wrap
		FROM c),
	e AS (
		SELECT d.*,
			CASE WHEN d.contained THEN NULL WHEN d.bot THEN d.bot_end ELSE d.arrival END AS offered,
			CASE WHEN d.transfer THEN (SELECT o2.name FROM ops o2 WHERE o2.idx = d.pool[1 + (array_position(d.pool, d.op)
				+ floor(d.u_transfer_to * (cardinality(d.pool) - 1))::int) % cardinality(d.pool)]) END AS transfer_name
		FROM d),
	f AS (
		SELECT e.*,
			CASE WHEN e.handled THEN e.offered + e.wait END AS answered_t,
			CASE WHEN e.abandon THEN e.offered + e.abandon_wait END AS abandoned_t,
			CASE WHEN NOT e.handled THEN NULL
				WHEN e.ch = 'chat' THEN (e.turns_n - 1) * e.slot + CASE WHEN e.is_resolved THEN e.resolve_delay ELSE 0 END
				WHEN e.ch = 'call' THEN e.talk + e.hold + e.wrap
				ELSE least(3600, 120 + round(@extschema@.demo_loglogistic(e.u_dur, 240::double precision, 4) * e.slowness)::int) END AS handle
		FROM e),
	g AS MATERIALIZED (
		SELECT f.*,
			CASE WHEN NOT f.is_resolved THEN NULL
				WHEN f.contained THEN f.bot_end
				WHEN f.ch = 'chat' THEN f.answered_t + f.handle
				WHEN f.ch = 'call' THEN f.answered_t + f.talk + f.hold
				WHEN f.u_escalate < 0.25 THEN f.answered_t + f.handle
					+ least(604800, round(6 * 3600 * sqrt(f.u_esclen / (1 - f.u_esclen)))::int)
				ELSE f.answered_t + f.handle END AS resolved_t,
			-- how negative this customer feels: the month, the operator, the wait, an unresolved issue
			least(9, f.k_month * f.negativity
				* (1 + CASE f.ch WHEN 'chat' THEN least(900, coalesce(f.answered_t - f.arrival, 0)) / 300.0
					WHEN 'call' THEN least(300, coalesce(f.wait, 0)) / 120.0 ELSE 0 END)
				* CASE WHEN f.is_resolved THEN 1 ELSE 2.5 END) AS k
		FROM f),
	h AS (
		SELECT g.*,
			CASE WHEN g.handled AND @extschema@.demo_uniform(g.key * 64 + 30, seed)
					< CASE g.ch WHEN 'chat' THEN 0.35 WHEN 'call' THEN 0.18 ELSE 0.12 END
				THEN (SELECT CASE WHEN r < 0.03 * g.k THEN 1 WHEN r < 0.04 * g.k THEN 2 WHEN r < 0.06 * g.k THEN 3
						WHEN r < 0.06 * g.k + 0.06 THEN 4 ELSE 5 END
					FROM (SELECT @extschema@.demo_uniform(g.key * 64 + 31, seed) AS r) x) END AS rating_v,
			CASE WHEN NOT g.abandon AND @extschema@.demo_uniform(g.key * 64 + 32, seed) < 0.05
				THEN (SELECT CASE WHEN r < 0.12 * g.k THEN floor(7 * sqrt(r2))::int
						WHEN r < 0.12 * g.k + 0.22 THEN 7 + floor(2 * r2)::int
						ELSE 9 + (r2 < 0.62)::int END
					FROM (SELECT @extschema@.demo_uniform(g.key * 64 + 33, seed) AS r,
						@extschema@.demo_uniform(g.key * 64 + 34, seed) AS r2) x) END AS nps_v,
			CASE WHEN NOT g.abandon AND @extschema@.demo_uniform(g.key * 64 + 35, seed) < 0.04
				THEN (SELECT CASE WHEN r < 0.02 * g.k THEN 1 WHEN r < 0.04 * g.k THEN 2 WHEN r < 0.07 * g.k THEN 3
						WHEN r < 0.07 * g.k + 0.08 THEN 4 WHEN r < 0.07 * g.k + 0.22 THEN 5
						WHEN r < 0.07 * g.k + 0.47 THEN 6 ELSE 7 END
					FROM (SELECT @extschema@.demo_uniform(g.key * 64 + 36, seed) AS r) x) END AS ces_v
		FROM g),
	numbered AS (
		SELECT h.*, row_number() OVER (ORDER BY h.arrival, h.key) AS id FROM h)
	SELECT n.id, n.ch, n.team, n.prod, n.seg, n.cust,
		CASE WHEN n.handled THEN n.op_name END, n.transfer_name,
		to_timestamp(n.arrival), to_timestamp(n.offered), to_timestamp(n.answered_t), to_timestamp(n.abandoned_t),
		CASE WHEN n.handled THEN n.wait WHEN n.abandon THEN n.abandon_wait END,
		CASE WHEN NOT n.contained THEN n.handled END,
		CASE WHEN n.handled THEN n.talk END, CASE WHEN n.handled THEN n.hold END,
		CASE WHEN n.handled THEN n.wrap END, n.handle,
		coalesce(n.bot, false), n.contained, coalesce(n.transfer, false), n.is_resolved,
		to_timestamp(n.resolved_t),
		CASE WHEN n.abandon THEN NULL WHEN n.repeat_key IS NOT NULL THEN false ELSE n.is_resolved END,
		r.id, n.rating_v, n.nps_v, n.ces_v,
		CASE WHEN n.bot THEN n.bot_s END, n.turns_n, n.slot, n.resolve_delay
	FROM numbered n LEFT JOIN numbered r ON r.key = n.repeat_key
	ORDER BY n.id;
END
$fn$;
COMMENT ON FUNCTION @extschema@.demo_contacts_detail(integer, date, bigint) IS 'demo data: generate_demo_contacts with the internal columns generate_demo_events needs';

CREATE FUNCTION @extschema@.generate_demo_contacts(months integer DEFAULT 12, start_month date DEFAULT '2026-01-01',
	seed bigint DEFAULT 42)
RETURNS TABLE (contact_id bigint, channel text, queue text, product text, segment text, customer_id bigint,
	operator_id text, transferred_to text, arrived_at timestamptz, offered_at timestamptz,
	answered_at timestamptz, abandoned_at timestamptz, wait_seconds integer, answered boolean,
	talk_seconds integer, hold_seconds integer, wrap_seconds integer, handle_seconds integer,
	bot_handled boolean, bot_contained boolean, transferred boolean, resolved boolean,
	resolved_at timestamptz, first_contact_resolved boolean, repeat_of bigint,
	rating integer, nps integer, ces integer)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT d.contact_id, d.channel, d.queue, d.product, d.segment, d.customer_id, d.operator_id, d.transferred_to,
		d.arrived_at, d.offered_at, d.answered_at, d.abandoned_at, d.wait_seconds, d.answered,
		d.talk_seconds, d.hold_seconds, d.wrap_seconds, d.handle_seconds, d.bot_handled, d.bot_contained,
		d.transferred, d.resolved, d.resolved_at, d.first_contact_resolved, d.repeat_of, d.rating, d.nps, d.ces
	FROM @extschema@.demo_contacts_detail(months, start_month, seed) d;
END;
COMMENT ON FUNCTION @extschema@.generate_demo_contacts(integer, date, bigint) IS 'a deterministic synthetic support line: one row per chat, call and e-mail, for demos and tests';

CREATE FUNCTION @extschema@.generate_demo_events(months integer DEFAULT 12,
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
COMMENT ON FUNCTION @extschema@.generate_demo_events(integer, date, bigint) IS 'the event log (messages, queue and call events) of the contacts of generate_demo_contacts with the same arguments';

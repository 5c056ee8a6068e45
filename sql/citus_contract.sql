--
-- The Citus contract.  Citus 13 runs a custom aggregate in two steps when the
-- query does not group by the distribution column (multi_logical_optimizer.c,
-- AggregateEnabledCustom; aggregate_utils.c): worker_partial_agg on each shard
-- runs the transition function and ships the state as TEXT through the state
-- type's output function; coord_combine_agg on the coordinator reads each
-- text with the type's input function, merges with the combine function and
-- applies the final function.  It does so only when the call has no ORDER BY,
-- the aggregate has a combine function and its state type is not a pseudo-type
-- (internal); otherwise it pulls the rows to the coordinator.
--
-- 1. the catalog: every aggregate of the extension meets the contract
CREATE TEMP VIEW ext_aggregates AS
SELECT p.oid AS agg, p.oid::regprocedure AS aggregate, a.aggkind, a.aggtranstype, a.aggtransfn,
	a.aggcombinefn, a.aggfinalfn, a.agginitval, a.aggfinalextra, t.typtype, t.typinput, t.typoutput
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_type t ON t.oid = a.aggtranstype
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'support_kpi');
SELECT count(*) AS aggregates,
	count(*) FILTER (WHERE aggkind <> 'n') AS ordered_set_or_hypothetical,
	count(*) FILTER (WHERE aggcombinefn = 0) AS no_combine,
	count(*) FILTER (WHERE typtype = 'p') AS pseudo_type_state,
	count(*) FILTER (WHERE typinput = 0 OR typoutput = 0) AS no_text_io,
	count(*) FILTER (WHERE aggfinalextra) AS final_extra,
	count(*) FILTER (WHERE agginitval IS NOT NULL) AS with_initval
FROM ext_aggregates;
-- the state types, the aggregates over each, and the combine function Citus calls
SELECT aggtranstype::regtype AS state_type, count(*) AS aggregates,
	string_agg(DISTINCT aggcombinefn::regproc::text, ', ') AS combine,
	string_agg(DISTINCT typinput::regproc || ' / ' || typoutput::regproc, ', ') AS text_io
FROM ext_aggregates GROUP BY 1 ORDER BY 1::text;

-- 2. sample rows and the arguments of every aggregate (shared with
-- tools/checks/citus_exec.sh)
\i sql/citus_fixture.inc
SELECT g, count(*) AS rows, count(DISTINCT shard) AS shards, count(st_nps) AS row_states FROM cc_raw GROUP BY g ORDER BY g;

-- 3. per aggregate: a "worker" twin (same transition and combine function,
-- no final function: its result is the state Citus ships) and a
-- "coordinator" aggregate over the state type (the combine function as its
-- transition, as coord_combine_agg calls it).  Then, per group:
--   round trip: state::text::state has the same send bytes and final result
--   citus: per-shard states -> text -> input -> combine -> final, equal to
--          the aggregate over all the rows on one node
CREATE SCHEMA cc;
CREATE TEMP TABLE cc_result (aggregate text, groups int, round_trip_send int, round_trip_final int,
	citus_equal int, single text);
DO $$
DECLARE
	a record;
	call_args text;
	argdecl text;
	final text;
	n int := 0;
	r record;
BEGIN
	FOR a IN SELECT * FROM ext_aggregates ORDER BY aggregate::text LOOP
		n := n + 1;
		SELECT string_agg(replace(c.expr, 'nargs', p.pronargs::text), ', ' ORDER BY x.pos),
			string_agg(format_type(x.t, NULL), ', ' ORDER BY x.pos)
		INTO call_args, argdecl
		FROM pg_proc p, unnest(p.proargtypes) WITH ORDINALITY x(t, pos)
		LEFT JOIN cc_args c ON c.state = a.aggtranstype AND c.pos = x.pos AND c.argtype = x.t
		WHERE p.oid = a.agg;
		IF call_args IS NULL THEN
			RAISE EXCEPTION 'no sample arguments for %', a.aggregate;
		END IF;
		-- an aggregate without a combine function (a sequential sweep) is never
		-- run in two steps: Citus gathers its rows; its state's text round trip
		-- is checked, and "citus" is the single-node result itself; it gets its
		-- rows in time order (ORDER BY at, i: without it a sort-based plan may
		-- feed a group's rows in any order)
		EXECUTE format('CREATE AGGREGATE cc.w%s(%s) (SFUNC = %s, STYPE = %s%s)',
			n, argdecl, a.aggtransfn::regproc, a.aggtranstype::regtype,
			CASE WHEN a.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || a.aggcombinefn::regproc END);
		IF a.aggcombinefn <> 0 THEN
			EXECUTE format('CREATE AGGREGATE cc.c%s(%s) (SFUNC = %s, STYPE = %s)',
				n, a.aggtranstype::regtype, a.aggcombinefn::regproc, a.aggtranstype::regtype);
		END IF;
		-- a final function with FINALFUNC_EXTRA takes the arguments' types as NULLs
		final := CASE WHEN a.aggfinalfn = 0 THEN '%s' WHEN a.aggfinalextra
			THEN a.aggfinalfn::regproc || '(%s, ' || (SELECT string_agg(format('NULL::%s', format_type(t, NULL)), ', ' ORDER BY pos)
				FROM pg_proc p, unnest(p.proargtypes) WITH ORDINALITY x(t, pos) WHERE p.oid = a.agg) || ')'
			ELSE a.aggfinalfn::regproc || '(%s)' END;
		EXECUTE format($q$
			WITH single AS (
				SELECT g, %1$s(%2$s%10$s)::text AS v FROM cc_raw GROUP BY g
			), states AS (
				SELECT g, cc.w%3$s(%2$s%10$s) AS st FROM cc_raw GROUP BY g
			), shards AS (              -- worker_partial_agg: the state as text
				SELECT g, shard, cc.w%3$s(%2$s%10$s)::text AS partial FROM cc_raw GROUP BY g, shard
			), coordinator AS (         -- coord_combine_agg: input, combine
				SELECT g, %9$s AS st FROM shards GROUP BY g
			)
			SELECT count(*) AS groups,
				count(*) FILTER (WHERE %5$s(s.st) IS NOT DISTINCT FROM %5$s(s.st::text::%4$s)) AS round_trip_send,
				count(*) FILTER (WHERE (%6$s)::text IS NOT DISTINCT FROM (%7$s)::text) AS round_trip_final,
				count(*) FILTER (WHERE (%8$s)::text IS NOT DISTINCT FROM single.v) AS citus_equal,
				string_agg(left(single.v, 20), ' | ' ORDER BY g) AS single
			FROM single JOIN states s USING (g) JOIN coordinator c USING (g)$q$,
			a.agg::regproc, call_args, n, a.aggtranstype::regtype,
			(SELECT typsend::regproc FROM pg_type WHERE oid = a.aggtranstype),
			format(final, 's.st'), format(final, format('s.st::text::%s', a.aggtranstype::regtype)),
			CASE WHEN a.aggcombinefn <> 0 THEN format(final, 'c.st') ELSE 'single.v' END,
			CASE WHEN a.aggcombinefn <> 0 THEN format('cc.c%s(partial::%s)', n, a.aggtranstype::regtype)
				ELSE 'NULL::int' END,
			-- the sequential sweeps read their rows in time order
			CASE WHEN a.aggcombinefn <> 0 THEN '' ELSE ' ORDER BY at, i' END)
		INTO r;
		INSERT INTO cc_result VALUES (a.aggregate::text, r.groups, r.round_trip_send, r.round_trip_final,
			CASE WHEN a.aggcombinefn <> 0 THEN r.citus_equal END, r.single);
	END LOOP;
END $$;
-- every aggregate, every group: the text round trip is exact and the
-- simulated two-step plan gives the single-node result
SELECT aggregate, groups, round_trip_send = groups AND round_trip_final = groups AS text_round_trip,
	citus_equal = groups AS citus_two_step_equal
FROM cc_result ORDER BY aggregate;
SELECT count(*) AS aggregates, sum(groups) AS groups_compared,
	count(*) FILTER (WHERE round_trip_send < groups OR round_trip_final < groups OR citus_equal < groups) AS failing
FROM cc_result;
-- the groups are not trivial: single-node results of a few aggregates
SELECT aggregate, single FROM cc_result
WHERE aggregate IN ('nps(integer)', 'duration_agg(double precision)', 'resolution_time(interval,double precision[])',
	'contact_timeline(contact_event)', 'sl_pct(interval,boolean,interval,interval,text)')
ORDER BY aggregate;

-- 4. the states as stored in distributed tables (the rollup pattern): per
-- shard rollup(state) -> text -> input -> rollup -> accessor, for every
-- state type that has a rollup, equals the rollup of all states on one node
SELECT count(*) AS rollup_aggregates FROM ext_aggregates WHERE aggregate::text LIKE 'rollup(%';
CREATE TEMP TABLE cc_states AS
SELECT g, shard, nps_agg(nps_score) AS nps, ces_agg(ces_score) AS ces, csat_agg(csat_score) AS csat,
	share_agg(flag) AS share, queue_agg(wait, answered, '20 s') AS queue, handle_agg(talk, hold, wrap) AS handle,
	occupancy_agg(busy, avail) AS occupancy, duration_agg(dur) AS sketch
FROM cc_raw GROUP BY g, shard;
WITH worker AS (
	SELECT shard, rollup(nps)::text AS nps, rollup(ces)::text AS ces, rollup(csat)::text AS csat,
		rollup(share)::text AS share, rollup(queue)::text AS queue, rollup(handle)::text AS handle,
		rollup(occupancy)::text AS occupancy, rollup(sketch)::text AS sketch
	FROM cc_states GROUP BY shard
), coordinator AS (
	SELECT rollup(nps::nps_state) AS nps, rollup(ces::ces_state) AS ces, rollup(csat::csat_state) AS csat,
		rollup(share::share_state) AS share, rollup(queue::queue_state) AS queue,
		rollup(handle::handle_state) AS handle, rollup(occupancy::occupancy_state) AS occupancy,
		rollup(sketch::duration_sketch) AS sketch
	FROM worker
), single AS (
	SELECT rollup(nps) AS nps, rollup(ces) AS ces, rollup(csat) AS csat, rollup(share) AS share,
		rollup(queue) AS queue, rollup(handle) AS handle, rollup(occupancy) AS occupancy, rollup(sketch) AS sketch
	FROM cc_states
)
SELECT nps_state_send(c.nps) = nps_state_send(s.nps) AS nps, ces_state_send(c.ces) = ces_state_send(s.ces) AS ces,
	csat_state_send(c.csat) = csat_state_send(s.csat) AS csat,
	share_state_send(c.share) = share_state_send(s.share) AS share,
	queue_state_send(c.queue) = queue_state_send(s.queue) AS queue,
	handle_state_send(c.handle) = handle_state_send(s.handle) AS handle,
	occupancy_state_send(c.occupancy) = occupancy_state_send(s.occupancy) AS occupancy,
	duration_sketch_send(c.sketch) = duration_sketch_send(s.sketch) AS sketch,
	round(nps(c.nps), 6) AS nps_value, duration_percentile(c.sketch, 0.9) = duration_percentile(s.sketch, 0.9) AS p90
FROM coordinator c, single s;
-- the operator-time states (issue 18) the same way
CREATE TEMP TABLE cc_states_time AS
SELECT g, shard, rollup(st_agent_time) AS agent_time, rollup(st_concurrency) AS conc FROM cc_raw GROUP BY g, shard;
WITH worker AS (
	SELECT shard, rollup(agent_time)::text AS agent_time, rollup(conc)::text AS conc FROM cc_states_time GROUP BY shard
), coordinator AS (
	SELECT rollup(agent_time::agent_time_state) AS agent_time, rollup(conc::concurrency_state) AS conc FROM worker
), single AS (
	SELECT rollup(agent_time) AS agent_time, rollup(conc) AS conc FROM cc_states_time
)
SELECT agent_time_state_send(c.agent_time) = agent_time_state_send(s.agent_time) AS agent_time,
	concurrency_state_send(c.conc) = concurrency_state_send(s.conc) AS concurrency,
	span_seconds(c.agent_time) AS agent_time_span, max_concurrency(c.conc) AS max_concurrency,
	chat_count(c.conc) AS chats
FROM coordinator c, single s;

-- 5. what Citus does with an aggregate call that has ORDER BY: no custom
-- combine (AggregateEnabledCustom is false), the rows are pulled to the
-- coordinator (citus.coordinator_aggregation_strategy = 'row-gather', the
-- default) or an error if that is 'disabled'.  Our aggregates do not depend
-- on input order, so the ORDER BY is never needed:
SELECT nps(nps_score ORDER BY i DESC) = nps(nps_score) AS nps_order_free,
	first_response_time(contact_timeline(kind, at ORDER BY i DESC)) = first_response_time(contact_timeline(kind, at)) AS timeline_order_free,
	resolution_time(dur ORDER BY i DESC) = resolution_time(dur) AS exact_order_free
FROM cc_raw WHERE g = 4;
SET client_min_messages = warning;
DROP SCHEMA cc CASCADE;
RESET client_min_messages;

#!/usr/bin/env bash
# tools/checks/pgbench_load.sh -- load: many concurrent clients run a mix of
# KPI queries for a bounded time; zero failed transactions, no aborted client,
# no server crash.
#
#   database skpi_load: survey (40 000 rows), calls (40 000), tickets (20 000,
#   with business calendars), events (2 000 contacts, ~24 000 events), monthly
#   stored states (a rollup table).  pgbench -c $SKPI_PGBENCH_CLIENTS (16)
#   -j 2 -T $SKPI_PGBENCH_SECONDS (20) with eleven weighted scripts: grouped
#   aggregates of every family, window frames, rollups of stored states, text
#   round trips and send bytes of states, calendars, timelines and
#   sessionize, Erlang C, exact percentiles; four of them with parallel plans
#   forced (parallel_setup_cost = 0, ...).
# Tests: pgbench exit status 0, "number of failed transactions: 0", no
# "aborted" client, transactions > 0, the postmaster not restarted (its start
# time) and no "terminated by signal" in the server log when there is one,
# results after the run equal to the ones before it.
#
# Environment (tools/suites.sh): PGHOST/PGPORT/PGUSER of a superuser, PSQL,
# PG_BINDIR, SKPI_SERVER_LOG, SKPI_LOGDIR.  Ends with "pgbench_load: N passed,
# M failed"; exit status 0 only if nothing failed.
set -uo pipefail

PSQL=${PSQL:-psql}
PG_BINDIR=${PG_BINDIR:-$(dirname "$(command -v "$PSQL")")}
LOGDIR=${SKPI_LOGDIR:-/tmp}
CLIENTS=${SKPI_PGBENCH_CLIENTS:-16}
SECONDS_RUN=${SKPI_PGBENCH_SECONDS:-20}
DB=skpi_load
WORK=$(mktemp -d "$LOGDIR/pgbench_load.XXXXXX")
PASS=0
FAIL=0

check() {
    if [ "$1" = 0 ]; then PASS=$((PASS + 1)); echo "ok - $2"
    else FAIL=$((FAIL + 1)); echo "not ok - $2"; fi
}
q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -v ON_ERROR_STOP=1 "$@"; }
finish() {
    q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
    echo "pgbench_load: $PASS passed, $FAIL failed (work files in $WORK)"
    [ "$FAIL" = 0 ] && rm -rf "$WORK"
    [ "$FAIL" = 0 ]
    exit
}
abort() { check 1 "$*"; finish; }

q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" || abort "create $DB"
q -d "$DB" <<'SQL' || abort "load data"
CREATE EXTENSION support_kpi;
SELECT setseed(0.7) \g /dev/null
CREATE TABLE survey AS
SELECT i AS id, 'op' || (i % 40) AS operator, 'team' || (i % 5) AS team,
	'2026-01-01'::date + (i % 180) AS day,
	CASE WHEN random() < 0.05 THEN NULL ELSE floor(random() * 11)::int END AS nps_score,
	1 + floor(random() * 7)::int AS ces_score, 1 + floor(random() * 5)::int AS rating,
	random() < 0.2 AS transferred, random() < 0.6 AS resolved
FROM generate_series(1, 40000) i;
CREATE TABLE calls AS
SELECT i AS id, 'q' || (i % 8) AS queue, 'op' || (i % 40) AS operator,
	'2026-01-01 08:00+00'::timestamptz + i * interval '97 s' AS offered_at,
	make_interval(secs => round((random() * 90)::numeric, 2)::float8) AS wait,
	random() < 0.85 AS answered,
	make_interval(secs => 60 + floor(random() * 600)::float8) AS talk,
	make_interval(secs => floor(random() * 60)::float8) AS hold,
	make_interval(secs => floor(random() * 120)::float8) AS wrap
FROM generate_series(1, 40000) i;
CREATE TABLE calendars (channel text PRIMARY KEY, cal business_calendar);
INSERT INTO calendars VALUES
	('email', 'Europe/Berlin; Mon-Fri 09:00-17:00; holidays 2026-04-03, 2026-12-24..2026-12-26'),
	('chat', 'Europe/Berlin; Mon-Fri 09:00-19:00; Sat 10:00-14:00'),
	('phone', 'America/New_York; Mon-Sat 08:00-20:00; 2026-12-24 08:00-12:00; holidays 2026-12-25');
CREATE TABLE tickets AS
SELECT i AS id, (ARRAY['email', 'chat', 'phone'])[1 + i % 3] AS channel, 'team' || (i % 5) AS team,
	o AS opened_at, o + make_interval(secs => floor(exp(random() * 13))::float8) AS resolved_at
FROM generate_series(1, 20000) i,
	LATERAL (SELECT '2026-01-01 00:00+00'::timestamptz + i * interval '7 min' AS o) x;
CREATE TABLE events AS
SELECT c AS contact, e,
	(CASE WHEN e = 1 THEN 'offered' WHEN e = 2 THEN 'assigned'
		ELSE (ARRAY['customer_message', 'operator_message', 'operator_message', 'bot_message',
			'customer_message', 'transferred', 'resolved'])[1 + floor(random() * 7)::int] END)::contact_event_kind AS kind,
	'2026-02-01 00:00+00'::timestamptz + c * interval '13 min' + e * interval '41 s' AS at,
	'op' || (c % 40) AS operator_id
FROM generate_series(1, 2000) c, generate_series(1, 2 + (c % 21)) e;
CREATE INDEX ON events (contact);
CREATE TABLE monthly AS
SELECT operator, team, date_trunc('month', day)::date AS month, nps_agg(nps_score) AS nps,
	ces_agg(ces_score) AS ces, csat_agg(rating) AS csat, share_agg(transferred) AS transfers
FROM survey GROUP BY 1, 2, 3;
CREATE TABLE monthly_calls AS
SELECT queue, date_trunc('month', offered_at) AS month, queue_agg(wait, answered, '20 s') AS q,
	handle_agg(talk, hold, wrap) AS h, duration_agg(wait) AS sk
FROM calls GROUP BY 1, 2;
ANALYZE;
SQL

# --- the scripts ---------------------------------------------------------------
cat > "$WORK/voice.sql" <<'SQL'
\set d random(0, 150)
SELECT operator, nps(nps_score), ces(ces_score), csat(rating), transfer_rate(transferred), fcr_rate(resolved)
FROM survey WHERE day BETWEEN '2026-01-01'::date + :d AND '2026-01-01'::date + :d + 30 GROUP BY operator;
SQL
cat > "$WORK/queue.sql" <<'SQL'
\set h random(0, 100)
SELECT queue, sl_pct(wait, answered, '20 s'), sl_pct(wait, answered, '20 s', '5 s', 'ignore_early'),
	abandon_rate(wait, answered, '5 s'), asa(wait, answered), aht(talk, hold, wrap)
FROM calls WHERE offered_at >= '2026-01-01 08:00+00'::timestamptz + :h * interval '1 day'
GROUP BY queue;
SQL
cat > "$WORK/window.sql" <<'SQL'
\set o random(0, 39)
SELECT max(n), min(c), max(s) FROM (
	SELECT nps(nps_score) OVER w AS n, csat(rating) OVER w AS c, share_pct(transferred) OVER w AS s
	FROM survey WHERE operator = 'op' || :o
	WINDOW w AS (ORDER BY day, id ROWS BETWEEN 100 PRECEDING AND CURRENT ROW)) x;
SQL
cat > "$WORK/rollup.sql" <<'SQL'
SELECT team, nps(rollup(nps)), ces(rollup(ces)), csat(rollup(csat)), share_pct(rollup(transfers)),
	nps_ci_lower(rollup(nps)), responses(rollup(nps))
FROM monthly GROUP BY ROLLUP (team);
SELECT queue, sl_pct(rollup(q)), aht(rollup(h)), duration_median(rollup(sk)), duration_percentile(rollup(sk), 0.9)
FROM monthly_calls GROUP BY queue;
SQL
cat > "$WORK/casts.sql" <<'SQL'
SELECT nps(rollup(nps::text::nps_state)), ces(rollup(ces::text::ces_state)),
	sum(length(nps_state_send(nps))), sum(length(share_state_send(transfers)))
FROM monthly;
SELECT sl_pct(rollup(q::text::queue_state)), duration_count(rollup(sk::text::duration_sketch)),
	sum(length(duration_sketch_send(sk))), sum(length(queue_state_send(q)))
FROM monthly_calls;
SQL
cat > "$WORK/calendar.sql" <<'SQL'
\set t random(1, 19000)
SELECT t.channel, resolution_time(business_seconds(c.cal, t.opened_at, t.resolved_at)),
	count(*) FILTER (WHERE business_add(c.cal, t.opened_at, 8 * 3600) < t.resolved_at),
	count(*) FILTER (WHERE is_business_time(c.cal, t.opened_at))
FROM tickets t JOIN calendars c USING (channel) WHERE t.id BETWEEN :t AND :t + 1000 GROUP BY t.channel;
SQL
cat > "$WORK/timeline.sql" <<'SQL'
\set c random(1, 1800)
SELECT avg(first_response_time(tl)), max(avg_response_time(tl)), sum(message_count(tl)),
	count(*) FILTER (WHERE is_resolved(tl)), sum(transfer_count(tl))
FROM (SELECT contact, contact_timeline(kind, at, NULL, operator_id) AS tl
	FROM events WHERE contact BETWEEN :c AND :c + 200 GROUP BY contact) x;
SELECT max(s) FROM (SELECT sessionize(at, '5 min') OVER (ORDER BY at) AS s
	FROM events WHERE contact BETWEEN :c AND :c + 20) x;
SQL
cat > "$WORK/erlang.sql" <<'SQL'
\set v random(50, 400)
SELECT n, erlang_c_agents(:v, 1800, 240, 0.8, 20), erlang_c_pw(:v, 1800, 240, n), erlang_c_sl(:v, 1800, 240, n, 20),
	erlang_c_asa(:v, 1800, 240, n), erlang_c_occupancy(:v, 1800, 240, n)
FROM generate_series(:v * 240 / 1800 + 1, :v * 240 / 1800 + 15) n;
SQL
# parallel plans forced
PAR="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;"
RESET="RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather;"
cat > "$WORK/par_voice.sql" <<SQL
$PAR
SELECT team, nps(nps_score), ces(ces_score, 7), csat(rating, 5), share_pct(transferred) FROM survey GROUP BY team;
SELECT nps_agg(nps_score)::text, rollup(x) IS NOT NULL FROM survey, LATERAL (SELECT NULL::nps_state) y(x);
$RESET
SQL
cat > "$WORK/par_queue.sql" <<SQL
$PAR
SELECT sl_pct(wait, answered, '20 s'), abandon_rate(wait, answered), asa(wait, answered), aht(talk, hold, wrap),
	duration_median(duration_agg(wait)), occupancy(talk + hold + wrap, interval '15 min') FROM calls;
$RESET
SQL
cat > "$WORK/par_exact.sql" <<SQL
$PAR
SELECT team, resolution_time(opened_at, resolved_at), resolution_time(opened_at, resolved_at, '{0.5,0.9,0.99}'::float8[]),
	duration_percentile(resolution_time_agg(opened_at, resolved_at), 0.9)
FROM tickets GROUP BY team;
SELECT count(*), avg(first_response_time(tl)) FROM (SELECT contact_timeline(kind, at) AS tl FROM events GROUP BY contact) x;
$RESET
SQL

# each script once, alone: it must run without error
rc=0
for f in "$WORK"/*.sql; do
    "$PG_BINDIR/pgbench" -n -t 1 -c 1 -f "$f" "$DB" > "$WORK/one.log" 2>&1 || { rc=1; echo "script $(basename "$f") failed:"; cat "$WORK/one.log"; }
done
check $rc "each of the $(ls "$WORK"/*.sql | wc -l) scripts runs alone without error"

q -At -d "$DB" -f "$WORK/rollup.sql" > "$WORK/before.out" 2>&1
start_before=$(q -At -d postgres -c "SELECT pg_postmaster_start_time()")
loglines=0
if [ -n "${SKPI_SERVER_LOG:-}" ] && [ -r "$SKPI_SERVER_LOG" ]; then
    loglines=$(wc -l < "$SKPI_SERVER_LOG")
fi

# --- the load ---------------------------------------------------------------
echo "pgbench -c $CLIENTS -j 2 -T $SECONDS_RUN, 11 scripts"
rc=0
"$PG_BINDIR/pgbench" -n -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" \
    -f "$WORK/voice.sql@4" -f "$WORK/queue.sql@4" -f "$WORK/window.sql@2" -f "$WORK/rollup.sql@3" \
    -f "$WORK/casts.sql@2" -f "$WORK/calendar.sql@2" -f "$WORK/timeline.sql@2" -f "$WORK/erlang.sql@3" \
    -f "$WORK/par_voice.sql@1" -f "$WORK/par_queue.sql@1" -f "$WORK/par_exact.sql@1" \
    "$DB" > "$WORK/pgbench.log" 2>&1 || rc=$?
grep -E '^(number of|latency average|tps|SQL script [0-9]+:| - number of transactions)' "$WORK/pgbench.log" | head -n 40
check $rc "pgbench exit status 0 (got $rc)"
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.log")
check "$([ "${failed:-0}" = 0 ] && echo 0 || echo 1)" "number of failed transactions: ${failed:-not reported (0 assumed only if the exit status is 0)}"
aborted=$(grep -c 'aborted' "$WORK/pgbench.log")
check "$([ "$aborted" = 0 ] && echo 0 || echo 1)" "no client aborted ($aborted lines mention an abort)"
[ "$aborted" = 0 ] || grep -m 5 -B1 -A2 'aborted' "$WORK/pgbench.log"
done_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.log")
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.log" | head -n 1)
check "$([ "${done_tx:-0}" -gt 0 ] && echo 0 || echo 1)" "transactions processed: ${done_tx:-0}, tps ${tps:-?}"

start_after=$(q -At -d postgres -c "SELECT pg_postmaster_start_time()" 2>/dev/null)
check "$([ "$start_before" = "$start_after" ] && echo 0 || echo 1)" "the server did not restart (postmaster start time $start_after)"
if [ -n "${SKPI_SERVER_LOG:-}" ] && [ -r "$SKPI_SERVER_LOG" ]; then
    crashes=$(tail -n +"$((loglines + 1))" "$SKPI_SERVER_LOG" | grep -cE 'terminated by signal|PANIC:|TRAP:')
    check "$([ "$crashes" = 0 ] && echo 0 || echo 1)" "server log: no backend terminated by a signal during the run"
fi
q -At -d "$DB" -f "$WORK/rollup.sql" > "$WORK/after.out" 2>&1
cmp -s "$WORK/before.out" "$WORK/after.out"
check $? "stored-state rollups give the same results after the run"
echo "pgbench_load: ${done_tx:-0} transactions, tps ${tps:-?}, failed ${failed:-?}, clients $CLIENTS, ${SECONDS_RUN} s"
finish

#!/usr/bin/env bash
# tools/checks/sqlsmith.sh -- random SQL against the extension with sqlsmith.
#
# Run by tools/suites.sh inside the throwaway test cluster
# (PGHOST/PGPORT/PGUSER[/PGPASSWORD] set), and by `make fuzz` (tools/fuzz/run.sh)
# with bigger budgets.  Steps:
#   1. a fresh database (tools/fuzz/setup.sql): the extension, small sample
#      tables with a column of every type of the extension and extreme values,
#      and a shadow pg_proc that makes sqlsmith call the extension's functions
#      (and a few built-ins that make their argument types) instead of the
#      whole catalog;
#   2. sqlsmith with a fixed seed, bounded by a query budget and a time limit,
#      twice: a serial phase (fast, most queries) and a parallel phase where
#      zero parallel costs make every scan parallel, so the aggregates also run
#      through their combine functions (about 10 times slower per query);
#   3. verdict: it FAILS on any backend crash -- "terminated by signal",
#      "PANIC", "TRAP:" (assertion), an AddressSanitizer / UBSan report in the
#      server log, a lost connection in sqlsmith's output, or a sentinel
#      session that did not survive (a crash restarts every backend; this is
#      how a crash is seen when the server log is unknown).  Ordinary ERRORs
#      are expected (sqlsmith writes many ill-typed queries) and only counted.
#
# Environment (from tools/suites.sh; all optional when run by hand):
#   PSQL                psql binary (default: psql)
#   SKPI_SERVER_LOG     server log file, may be empty (then only sqlsmith's
#                       output and the sentinel detect a crash)
#   SKPI_LOGDIR         where to keep logs (default: a temp dir)
# Knobs:
#   SKPI_SQLSMITH_QUERIES           serial phase: query budget   (default 10000)
#   SKPI_SQLSMITH_PARALLEL_QUERIES  parallel phase: query budget (default 2500)
#   SKPI_SQLSMITH_SECONDS  time limit of each phase, in seconds  (default 40)
#   SKPI_SQLSMITH_SEED     RNG seed of the serial phase; the parallel phase
#                          uses seed + 1                         (default 1)
#   SKPI_SQLSMITH_DB       database name          (default skpi_sqlsmith)
#   SKPI_SQLSMITH_KEEP     1 = keep the database and the query dump on success
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PSQL=${PSQL:-psql}
QUERIES=${SKPI_SQLSMITH_QUERIES:-10000}
PAR_QUERIES=${SKPI_SQLSMITH_PARALLEL_QUERIES:-2500}
SECONDS_MAX=${SKPI_SQLSMITH_SECONDS:-40}
SEED=${SKPI_SQLSMITH_SEED:-1}
DB=${SKPI_SQLSMITH_DB:-skpi_sqlsmith}
SERVER_LOG=${SKPI_SERVER_LOG:-}
LOGDIR=${SKPI_LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/skpi-sqlsmith.XXXXXX")}
mkdir -p "$LOGDIR"
SENTINEL_APP="skpi_sqlsmith_sentinel_$$"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok: $*"; }
fail() { failed=$((failed + 1)); echo "FAILED: $*"; }
finish() {
    echo "sqlsmith check: $passed passed, $failed failed"
    [ "$failed" = 0 ]
    exit $?
}
q() { "$PSQL" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

if ! command -v sqlsmith >/dev/null 2>&1; then
    echo "sqlsmith is not installed (Debian package sqlsmith)"
    fail "sqlsmith not found"
    finish
fi

# ---------------------------------------------------------------------------
# 1. the database
# ---------------------------------------------------------------------------
echo "sqlsmith: database $DB; serial phase: seed $SEED, at most $QUERIES queries / ${SECONDS_MAX}s;" \
     "parallel phase: seed $((SEED + 1)), at most $PAR_QUERIES queries / ${SECONDS_MAX}s"
if ! q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
        -c "CREATE DATABASE $DB" \
   || ! q -d "$DB" -f "$ROOT/tools/fuzz/setup.sql" \
   || ! q -d postgres -c "ALTER DATABASE $DB SET jit = off"; then
    fail "could not set up database $DB"
    finish
fi
read -r n_ours n_shadow < <(q -F ' ' -d "$DB" -c "
    SELECT count(*) FILTER (WHERE pronamespace <> 'pg_catalog'::regnamespace), count(*)
    FROM fuzz_catalog.pg_proc")
echo "sqlsmith may call $n_shadow functions, $n_ours of them the extension's"
pass "database $DB set up"

if [ -z "$SERVER_LOG" ] || [ ! -r "$SERVER_LOG" ]; then
    echo "server log unknown or unreadable; crashes are detected by sqlsmith's output and a sentinel session"
    SERVER_LOG=""
fi
# messages about how sqlsmith glues types together, not about our code
NOISE='operator does not exist|could not identify an? (equality|ordering|comparison) operator|argument declared any|cannot cast type|cannot determine element type|could not determine polymorphic type|function .* does not exist|is not a (multi)?range type|called in non-aggregate|canceling statement due to statement timeout'
total_run=0
total_err=0
total_secs=0

# run_phase NAME SEED QUERIES PGOPTIONS: one sqlsmith run and its verdict
run_phase() {
    local name=$1 seed=$2 budget=$3 opts=$4
    local out="$LOGDIR/sqlsmith-$name"     # .queries.sql (dump), .progress (stderr), ...
    local log_offset=0 sentinel_job sentinel_pid="" smith_rc start elapsed crash=0 _
    echo
    echo "=== sqlsmith, $name phase: seed $seed, at most $budget queries / ${SECONDS_MAX}s${opts:+, PGOPTIONS=$opts}"
    [ -n "$SERVER_LOG" ] && log_offset=$(stat -c %s "$SERVER_LOG")

    # The sentinel: a session that just waits.  A backend crash makes the
    # postmaster restart every backend, the sentinel included.
    PGAPPNAME=$SENTINEL_APP "$PSQL" -X -q -d "$DB" -c "SELECT pg_sleep(86400)" >/dev/null 2>&1 &
    sentinel_job=$!
    for _ in $(seq 1 50); do
        sentinel_pid=$(q -d postgres -c "SELECT pid FROM pg_stat_activity WHERE application_name = '$SENTINEL_APP'" 2>/dev/null)
        [ -n "$sentinel_pid" ] && break
        sleep 0.2
    done
    [ -n "$sentinel_pid" ] || echo "warning: the sentinel session did not show up"

    # Target: libpq takes host, port, user and password from the environment.
    # --verbose prints one character per query on stderr (. ok, e error,
    # t timeout, S syntax error, C connection lost) and a report of error
    # messages; --dump-all-queries prints every query on stdout, so the Nth
    # character is the Nth query.  SIGINT at the time limit makes sqlsmith
    # print its report.
    start=$(date +%s.%N)
    PGOPTIONS="${PGOPTIONS:-} $opts" timeout -s INT -k 10 "$SECONDS_MAX" \
        sqlsmith --target="dbname=$DB" --exclude-catalog --seed="$seed" --max-queries="$budget" \
                 --verbose --dump-all-queries > "$out.queries.sql" 2> "$out.progress"
    smith_rc=$?
    elapsed=$(echo "$(date +%s.%N) - $start" | bc)

    # wait for the server to accept connections again (after a crash restart)
    for _ in $(seq 1 60); do
        q -d postgres -c "SELECT 1" >/dev/null 2>&1 && break
        sleep 0.5
    done

    local progress n_run n_ok n_err n_timeout n_syntax n_lost n_called n_distinct first_c
    progress=$(grep -E '^[.etSC]+$' "$out.progress" | tr -d '\n')
    n_run=${#progress}
    count_of() { local s=${progress//[^$1]/}; echo ${#s}; }
    n_ok=$(count_of .)
    n_err=$(count_of e)
    n_timeout=$(count_of t)
    n_syntax=$(count_of S)
    n_lost=$(count_of C)
    echo "sqlsmith exit status $smith_rc after ${elapsed}s"
    printf 'queries run: %d in %.1f s (%.0f/s): %d ok, %d errors, %d timeouts (1 s), %d syntax errors, %d lost connections\n' \
        "$n_run" "$elapsed" "$(echo "$n_run / ($elapsed + 0.001)" | bc -l)" "$n_ok" "$n_err" "$n_timeout" "$n_syntax" "$n_lost"
    total_run=$((total_run + n_run))
    total_err=$((total_err + n_err + n_timeout + n_syntax + n_lost))
    total_secs=$(echo "$total_secs + $elapsed" | bc)

    # the extension's functions that sqlsmith wrote into queries
    n_called=$(grep -oE 'public\.[a-z_0-9]+\(' "$out.queries.sql" | sort -u | wc -l)
    echo "extension function names in the queries: $n_called of $N_NAMES"

    # sqlsmith's error report: the last one printed (count<TAB>first line of message)
    awk '/^queries: /{buf=""; keep=1; next} keep && /^[0-9]+\t/{buf=buf $0 "\n"} END{printf "%s", buf}' \
        "$out.progress" > "$out.errors"
    n_distinct=$(wc -l < "$out.errors")
    grep -vE "$NOISE" "$out.errors" > "$out.errors.ours" || true
    echo "distinct error messages: $n_distinct; apart from type-matching noise: $(wc -l < "$out.errors.ours") (most frequent first):"
    head -n 40 "$out.errors.ours" | sed 's/^/    /'

    if [ "$n_lost" -gt 0 ] || grep -qE 'server closed the connection unexpectedly|terminating connection because of crash|connection to server was lost' "$out.progress"; then
        echo "sqlsmith lost its connection $n_lost time(s)"
        crash=1
        first_c=$(expr index "$progress" C)
        if [ "$first_c" -gt 0 ]; then
            # the query sent when the connection was lost
            awk -v n="$first_c" 'BEGIN{RS=";\n"} NR==n{print; print ";"; exit}' \
                "$out.queries.sql" > "$out.crash.sql"
            echo "first query that lost the connection (query #$first_c, saved in $out.crash.sql):"
            head -c 4000 "$out.crash.sql" | sed 's/^/    /'
        fi
    fi
    if [ -n "$sentinel_pid" ]; then
        local alive
        alive=$(q -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE pid = $sentinel_pid AND application_name = '$SENTINEL_APP'" 2>/dev/null || echo 0)
        if [ "$alive" != 1 ]; then
            echo "the sentinel session is gone: the server restarted its backends (a crash)"
            crash=1
        fi
        q -d postgres -c "SELECT pg_terminate_backend($sentinel_pid)" >/dev/null 2>&1 || true
    fi
    wait "$sentinel_job" 2>/dev/null || true
    if [ -n "$SERVER_LOG" ]; then
        tail -c +"$((log_offset + 1))" "$SERVER_LOG" > "$out.server.log"
        local crash_re='terminated by signal|terminated by exception|PANIC:|TRAP:|ERROR: AddressSanitizer|runtime error:|terminating any other active server processes'
        if grep -qE "$crash_re" "$out.server.log"; then
            echo "the server log reports a crash:"
            grep -E -A3 "$crash_re" "$out.server.log" | head -n 60 | sed 's/^/    /'
            crash=1
        fi
    fi
    if [ "$n_run" = 0 ] || { [ "$smith_rc" != 0 ] && [ "$smith_rc" != 124 ]; }; then
        echo "last lines of sqlsmith's output:"
        tail -n 20 "$out.progress" | sed 's/^/    /'
    fi
    if [ "$n_run" -gt 0 ]; then
        pass "$name phase: sqlsmith ran $n_run queries"
    else
        fail "$name phase: sqlsmith ran no query (exit status $smith_rc)"
    fi
    if [ "$crash" = 0 ]; then
        pass "$name phase: no backend crash in $n_run random queries"
        [ "${SKPI_SQLSMITH_KEEP:-0}" = 1 ] || rm -f "$out.queries.sql"
    else
        fail "$name phase: a backend crashed under sqlsmith (logs: $out.*)"
    fi
}

N_NAMES=$(q -d "$DB" -c "SELECT count(DISTINCT proname) FROM fuzz_catalog.pg_proc WHERE pronamespace <> 'pg_catalog'::regnamespace")
run_phase serial "$SEED" "$QUERIES" ""
if [ "$PAR_QUERIES" -gt 0 ]; then
    run_phase parallel "$((SEED + 1))" "$PAR_QUERIES" \
        "-c parallel_setup_cost=0 -c parallel_tuple_cost=0 -c min_parallel_table_scan_size=0 -c max_parallel_workers_per_gather=2"
fi

echo
printf 'sqlsmith total: %d queries in %.0f s, %d of them errors\n' "$total_run" "$total_secs" "$total_err"
if [ "$failed" = 0 ] && [ "${SKPI_SQLSMITH_KEEP:-0}" != 1 ]; then
    q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
fi
finish

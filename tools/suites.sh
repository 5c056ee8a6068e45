#!/usr/bin/env bash
# tools/suites.sh -- every test suite, against a running server: the one
# PGHOST, PGPORT, PGUSER (PGPASSWORD) point at, a superuser's, where the
# extension is installed (into the PostgreSQL of PG_CONFIG).  tools/test.sh
# runs it in pg_virtualenv; sanitize.sh and check-majors.sh in a private
# cluster (tools/lib.sh).  By hand it works against any server of yours: it
# creates and drops databases named skpi_*.
#
# Each suite is run by its own tool; its verdict is the tool's exit status
# and the counts the tool prints itself:
#   pg_regress  make installcheck      "All N tests passed." / "M of N tests failed."
#   pgTAP       pg_prove test/*.sql    "Files=F, Tests=N", "(Wstat: W .. Failed: M)"
#                                      per failing file (M, or 1 if it died), an
#                                      "ok .. # SKIP" line per skipped test
#   doc         tools/doctest.sh       "doctest: N passed, M failed"
#   check NAME  tools/checks/NAME.sh   last line "... N passed, M failed"; a
#                                      check without one is one test
# A non-zero exit status with no failed test counts one failure.  Skipped
# tests are the pgTAP tests that read the public datasets (tools/lib.sh):
# when that folder exists, a skip is a failure.  Ends with a table and, as
# its last line, "N passed, M failed, K skipped"; exit status 0 only if
# nothing failed.  Logs: SKPI_LOGDIR (default a new temp directory).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tools/lib.sh
. tools/lib.sh
export LC_ALL=C.UTF-8
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
PG_BINDIR=$("$PG_CONFIG" --bindir) || exit 1
export PG_BINDIR PSQL=$PG_BINDIR/psql
export SKPI_LOGDIR=${SKPI_LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/skpi-suites.XXXXXX")}
LOG=$SKPI_LOGDIR
# the server log, where a crash shows: given by skpi_cluster_start, else the
# log of the one cluster pg_virtualenv made
if [ -z "${SKPI_SERVER_LOG:-}" ] && [ -n "${PG_CLUSTER_CONF_ROOT:-}" ]; then
    SKPI_SERVER_LOG=$(pg_lsclusters -h | awk '{ print $7; exit }')
fi
export SKPI_SERVER_LOG=${SKPI_SERVER_LOG:-}

ROWS=()
TOTAL_P=0 TOTAL_F=0 TOTAL_S=0
# tally LABEL PASSED FAILED SKIPPED EXIT_STATUS: one row of the summary
tally() {
    local f=$3
    [ "$5" = 0 ] || [ "$f" -gt 0 ] || f=1     # failed, without saying what: one failure
    ROWS+=("$(printf '%-26s %d passed, %d failed, %d skipped' "$1:" "$2" "$f" "$4")")
    TOTAL_P=$((TOTAL_P + $2)) TOTAL_F=$((TOTAL_F + f)) TOTAL_S=$((TOTAL_S + $4))
}
# run NAME COMMAND...: runs COMMAND, its output shown and kept in $LOG/NAME.log;
# sets RC to its exit status
run() {
    local name=$1
    shift
    printf '\n==> %s\n' "$*"
    "$@" 2>&1 | tee "$LOG/$name.log"
    RC=${PIPESTATUS[0]}
}
# after a backend crash the server restarts: wait for it before the next suite
wait_ready() {
    local _
    for _ in $(seq 60); do "$PSQL" -X -Atqc 'SELECT 1' -d postgres >/dev/null 2>&1 && return; sleep 0.5; done
}

echo "==> server: $("$PSQL" -X -Atc 'SELECT version()' -d postgres 2>&1)"

# 1. pg_regress: sql/ against expected/ (the Makefile's REGRESS)
rm -rf results regression.diffs regression.out
run regress make installcheck PG_CONFIG="$PG_CONFIG"
line=$(grep -oE 'All [0-9]+ tests passed|[0-9]+ of [0-9]+ tests failed' "$LOG/regress.log" | tail -n 1)
if [[ $line =~ ^All\ ([0-9]+) ]]; then
    p=${BASH_REMATCH[1]} f=0
elif [[ $line =~ ^([0-9]+)\ of\ ([0-9]+) ]]; then
    f=${BASH_REMATCH[1]} p=$((BASH_REMATCH[2] - BASH_REMATCH[1]))
    head -n 200 regression.diffs
else
    p=0 f=1     # no summary: pg_regress did not get to run the tests
fi
tally "pg_regress (sql/)" "$p" "$f" 0 "$RC"

# 2. pgTAP: test/*.sql in database skpi_tap; only failures, diagnostics and
# skipped tests are shown
wait_ready
if PGOPTIONS='-c client_min_messages=warning' "$PSQL" -X -q -v ON_ERROR_STOP=1 -d postgres \
       -c 'DROP DATABASE IF EXISTS skpi_tap WITH (FORCE)' -c 'CREATE DATABASE skpi_tap' &&
   "$PSQL" -X -q -d skpi_tap -c 'CREATE EXTENSION pgtap'; then
    run pgtap pg_prove --psql-bin "$PSQL" -d skpi_tap --failures --comments --directives test/*.sql
    # a file in pg_prove's "Test Summary Report" failed: its failed tests, or
    # one failure when it failed otherwise (died, bad plan, no plan); the
    # passes are the tests run less those that failed and those skipped
    read -r n f failed_tests s < <(awk '
        /^Files=[0-9]+, Tests=[0-9]+,/ { split($2, t, /[=,]/); n = t[2] }
        /\(Wstat: [0-9]+.* Failed: [0-9]+\)$/ { k = $NF + 0; ft += k; f += k > 0 ? k : 1 }
        tolower($0) ~ /^ *ok [0-9]+ .*# *skip/ { s++ }
        END { print n + 0, f + 0, ft + 0, s + 0 }' "$LOG/pgtap.log")
    p=$((n - failed_tests - s))
    if [ "$s" -gt 0 ] && [ -n "$SKPI_DATASETS" ]; then
        echo "pgTAP: $s tests skipped although the datasets folder $SKPI_DATASETS exists (a file missing or unreadable?)"
        f=$((f + 1))
    elif [ "$s" -gt 0 ]; then
        echo "pgTAP: $s tests skipped: the public datasets are not here (../shared/datasets beside the checkout, or SKPI_DATASETS)"
    fi
    tally "pgTAP (test/)" "$p" "$f" "$s" "$RC"
else
    tally "pgTAP (test/)" 0 1 0 1
fi

# 3. the examples of README.md and docs/*.md, outputs compared
wait_ready
run doc bash tools/doctest.sh README.md docs/*.md
skpi_counts "$LOG/doc.log" || PASSED=0 FAILED=1
tally "doc examples" "$PASSED" "$FAILED" 0 "$RC"

# 4. every tools/checks/*.sh (random SQL, dump / restore, load, Citus calling
# convention, client libraries...); they read PSQL, PG_BINDIR, PG_CONFIG,
# SKPI_SERVER_LOG and SKPI_LOGDIR
for check in tools/checks/*.sh; do
    name=$(basename "$check" .sh)
    wait_ready
    run "check-$name" bash "$check"
    if skpi_counts "$LOG/check-$name.log"; then
        tally "check $name" "$PASSED" "$FAILED" 0 "$RC"
    else
        tally "check $name" $((RC == 0)) $((RC != 0)) 0 "$RC"
    fi
done

# 5. a backend crash anywhere above (a C extension's favourite failure)
wait_ready
if [ -r "$SKPI_SERVER_LOG" ] && grep -qE 'was terminated by signal|terminated by exception|PANIC:' "$SKPI_SERVER_LOG"; then
    echo "!!!! the server crashed during the tests; last 100 lines of $SKPI_SERVER_LOG:"
    tail -n 100 "$SKPI_SERVER_LOG"
    tally "server crash" 0 1 0 1
fi

echo
echo "==================== test summary ===================="
printf '%s\n' "${ROWS[@]}"
echo "======================================================"
echo "$TOTAL_P passed, $TOTAL_F failed, $TOTAL_S skipped"
[ "$TOTAL_F" = 0 ]

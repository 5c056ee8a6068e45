#!/usr/bin/env bash
# tools/test-inner.sh COUNTS_FILE -- runs the test suites against an already
# running throwaway cluster (PGHOST/PGPORT/PGUSER/PGDATABASE[/PGPASSWORD] set,
# normally by pg_virtualenv via tools/test.sh).
#
#   a. pg_regress   (make installcheck; tests = Makefile's REGRESS, from sql/)
#   b. pgTAP        (pg_prove --verbose on test/*.sql, database skpi_tap)
#   c. doc examples (tools/doctest.sh on README.md and docs/*.md, db skpi_doc)
#   d. checks       (every tools/checks/*.sh)
#
# Writes "<suite> <passed> <failed> <ran|skipped>" lines to COUNTS_FILE,
# framed by a "started" line first and a "done" line last.  Test failures are
# only reported through COUNTS_FILE; the exit status is 0 whenever the run
# completed, so that the cluster wrapper does not treat failures as crashes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

COUNTS=${1:?usage: test-inner.sh COUNTS_FILE}
PG_CONFIG=${SKPI_PG_CONFIG:-${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}}
PG_BINDIR=$("$PG_CONFIG" --bindir)
if [ -x "$PG_BINDIR/psql" ]; then PSQL="$PG_BINDIR/psql"; else PSQL=psql; fi
export PSQL
LOGDIR=${SKPI_LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/skpi-logs.XXXXXX")}
mkdir -p "$LOGDIR"
TAP_DB=skpi_tap
DOC_DB=skpi_doc

echo "started" > "$COUNTS"

log() { printf '\n==> %s\n' "$*"; }
# record SUITE PASSED FAILED ran|skipped [SKIPPED_TESTS]
record() { echo "$1 $2 $3 $4 ${5:-0}" >> "$COUNTS"; }

psql_admin() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -v ON_ERROR_STOP=1 "$@"; }

# after a backend crash the server restarts; give it a moment before the next suite
wait_ready() {
    local _
    for _ in $(seq 1 60); do
        "$PSQL" -X -q -At -d postgres -c "SELECT 1" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "server is not accepting connections"
    return 0
}

# Extension name from the *.control file in the repo root (fallback: support_kpi)
EXTENSION=support_kpi
shopt -s nullglob
controls=(*.control)
if [ "${#controls[@]}" -ge 1 ]; then
    EXTENSION=$(basename "${controls[0]}" .control)
fi
export DOCTEST_EXTENSION=${DOCTEST_EXTENSION:-$EXTENSION}

log "server: $("$PSQL" -X -At -c 'SELECT version()' 2>&1 || true)"

# ---------------------------------------------------------------------------
# a. pg_regress
# ---------------------------------------------------------------------------
log "pg_regress: make installcheck"
# shellcheck disable=SC2016  # $(REGRESS) is for make, not the shell
regress_list=$(printf 'skpi-print-regress:\n\t@echo $(REGRESS)\n' |
    make -s --no-print-directory -f Makefile -f - PG_CONFIG="$PG_CONFIG" skpi-print-regress 2>/dev/null) \
    || regress_list="?"
rm -rf results regression.diffs regression.out
if [ -z "${regress_list// /}" ]; then
    echo "no pg_regress tests (REGRESS is empty); skipping"
    record regress 0 0 skipped
else
    echo "tests: $regress_list"
    rc=0
    make installcheck PG_CONFIG="$PG_CONFIG" > "$LOGDIR/regress.log" 2>&1 || rc=$?
    cat "$LOGDIR/regress.log"
    # PG <= 15: "test name ... ok  12 ms" / "     name ... FAILED" (parallel groups)
    # PG >= 16: "ok 1  - name  12 ms" / "not ok 2  + name"
    read -r rp rf < <(perl -ne '
        if (/^(?:test\s+|\s+)\S+\s+\.\.\.\s+(ok|FAILED|failed \(ignored\))/) {
            if ($1 eq "FAILED") { $f++ } else { $p++ }
        } elsif (/^not ok\s+\d+\s+[-+]/) {
            if (/#\s*\(ignored\)/) { $p++ } else { $f++ }
        } elsif (/^ok\s+\d+\s+[-+]/) { $p++ }
        END { printf "%d %d\n", $p, $f }' "$LOGDIR/regress.log")
    if [ "$rc" != 0 ] && [ "$rf" = 0 ]; then
        echo "pg_regress exited with status $rc but no failed test was reported; counting 1 failure"
        rf=1
    fi
    if [ -s regression.diffs ] && { [ "$rf" != 0 ] || [ "$rc" != 0 ]; }; then
        echo
        echo "---- regression.diffs (first 200 lines) ----"
        head -n 200 regression.diffs
        echo "---- end of regression.diffs ----"
    fi
    echo "pg_regress: $rp passed, $rf failed"
    record regress "$rp" "$rf" ran
fi

# ---------------------------------------------------------------------------
# b. pgTAP
# ---------------------------------------------------------------------------
wait_ready
tap_files=(test/*.sql)
if [ "${#tap_files[@]}" -eq 0 ]; then
    log "pgTAP: no test/*.sql files; skipping"
    record pgtap 0 0 skipped
else
    log "pgTAP: pg_prove --verbose on ${#tap_files[@]} file(s) in database $TAP_DB"
    # the public datasets beside the checkout (../shared/datasets), read by
    # some pgTAP files through server-side COPY
    if [ -z "${SKPI_DATASETS:-}" ] && [ -d ../shared/datasets ]; then
        SKPI_DATASETS=$(cd ../shared/datasets && pwd)
    fi
    export SKPI_DATASETS=${SKPI_DATASETS:-}
    tp=0
    tf=0
    ts=0
    : > "$LOGDIR/pgtap.log"
    if ! psql_admin -d postgres -c "DROP DATABASE IF EXISTS $TAP_DB WITH (FORCE)" \
                    -c "CREATE DATABASE $TAP_DB" 2>&1 \
       || ! psql_admin -d "$TAP_DB" -c "CREATE EXTENSION pgtap" 2>&1; then
        echo "pgTAP: could not set up database $TAP_DB with the pgtap extension; counting 1 failure"
        tf=1
    else
        for f in "${tap_files[@]}"; do
            rc=0
            pg_prove --verbose --psql-bin "$PSQL" -d "$TAP_DB" "$f" > "$LOGDIR/pgtap.one" 2>&1 || rc=$?
            cat "$LOGDIR/pgtap.one"
            cat "$LOGDIR/pgtap.one" >> "$LOGDIR/pgtap.log"
            # skipped tests ("ok N # SKIP why": the public datasets are
            # missing) are counted apart, not as passed
            read -r p1 f1 s1 < <(perl -ne '
                if (/^\s*not ok\s+\d+/) { if (/#\s*TODO/i) { $p++ } else { $f++ } }
                elsif (/^\s*ok\s+\d+\s*#\s*skip/i) { $s++ }
                elsif (/^\s*ok\s+\d+/) { $p++ }
                END { printf "%d %d %d\n", $p, $f, $s }' "$LOGDIR/pgtap.one")
            if [ "$rc" != 0 ] && [ "$f1" = 0 ]; then
                echo "pgTAP: $f: pg_prove exited with status $rc without a failed assertion (plan mismatch / died?); counting 1 failure"
                f1=1
            fi
            tp=$((tp + p1))
            tf=$((tf + f1))
            ts=$((ts + s1))
        done
    fi
    echo "pgTAP: $tp passed, $tf failed, $ts skipped"
    if [ "$ts" -gt 0 ] && [ -n "$SKPI_DATASETS" ]; then
        # the folder is there (CI has it): a skip would hide tests that must run
        echo "pgTAP: $ts tests skipped although the datasets folder $SKPI_DATASETS exists (a file missing or unreadable?); counting 1 failure"
        tf=$((tf + 1))
    elif [ "$ts" -gt 0 ]; then
        echo "pgTAP: $ts tests skipped: the public datasets are not here (../shared/datasets beside the checkout, or SKPI_DATASETS); they are never copied into the project"
    fi
    record pgtap "$tp" "$tf" ran "$ts"
fi

# the server log, for the crash report and the checks
server_log=${SKPI_SERVER_LOG:-}
if [ -z "$server_log" ] && [ -n "${PG_CLUSTER_CONF_ROOT:-}" ] && command -v pg_lsclusters >/dev/null 2>&1; then
    # under pg_virtualenv -t, PG_CLUSTER_CONF_ROOT points at the temp cluster
    server_log=$(pg_lsclusters -h 2>/dev/null | awk -v p="${PGPORT:-}" '$3 == p { print $7; exit }' || true)
fi

# ---------------------------------------------------------------------------
# c. Executable documentation
# ---------------------------------------------------------------------------
wait_ready
doc_files=()
[ -f README.md ] && doc_files+=(README.md)
for f in docs/*.md; do doc_files+=("$f"); done
if [ "${#doc_files[@]}" -eq 0 ]; then
    log "doc examples: no README.md or docs/*.md; skipping"
    record doc 0 0 skipped
else
    log "doc examples: tools/doctest.sh ${doc_files[*]}"
    rc=0
    DOCTEST_DB=$DOC_DB DOCTEST_COUNTS_FILE="$LOGDIR/doc.counts" \
        bash "$ROOT/tools/doctest.sh" "${doc_files[@]}" || rc=$?
    dp=0
    df=0
    if [ -s "$LOGDIR/doc.counts" ]; then
        read -r dp df < "$LOGDIR/doc.counts"
    fi
    if [ "$rc" != 0 ] && [ "$df" = 0 ]; then
        echo "doctest exited with status $rc without a failed example; counting 1 failure"
        df=1
    fi
    record doc "$dp" "$df" ran
fi

# ---------------------------------------------------------------------------
# d. Checks: every tools/checks/*.sh (random SQL, dump/restore, load, client
#    libraries...).  A check gets PSQL, PG_BINDIR, PG_CONFIG, SKPI_SERVER_LOG,
#    SKPI_LOGDIR and SKPI_CHECK_COUNTS; it may write "<passed> <failed>" to
#    SKPI_CHECK_COUNTS, otherwise its exit status counts as one test.
# ---------------------------------------------------------------------------
check_files=(tools/checks/*.sh)
for f in "${check_files[@]}"; do
    wait_ready
    name=$(basename "$f" .sh)
    log "check: $name"
    rm -f "$LOGDIR/check.counts"
    rc=0
    PG_BINDIR="$PG_BINDIR" PG_CONFIG="$PG_CONFIG" SKPI_SERVER_LOG="$server_log" SKPI_LOGDIR="$LOGDIR" \
        SKPI_CHECK_COUNTS="$LOGDIR/check.counts" bash "$f" || rc=$?
    if [ -s "$LOGDIR/check.counts" ]; then
        read -r cp cf < "$LOGDIR/check.counts"
        if [ "$rc" != 0 ] && [ "$cf" = 0 ]; then cf=1; fi
    elif [ "$rc" = 0 ]; then
        cp=1; cf=0
    else
        cp=0; cf=1
    fi
    echo "check $name: $cp passed, $cf failed"
    record "check:$name" "$cp" "$cf" ran
done

# ---------------------------------------------------------------------------
# Server crash report (a C extension's favourite failure mode)
# ---------------------------------------------------------------------------
wait_ready
if [ -n "$server_log" ] && [ -r "$server_log" ] &&
   grep -qE 'was terminated by signal|terminated by exception|PANIC:' "$server_log"; then
    echo
    echo "!!!! the server crashed during the tests; last 100 lines of $server_log:"
    tail -n 100 "$server_log"
    record server 0 1 ran
fi

echo "done" >> "$COUNTS"
exit 0

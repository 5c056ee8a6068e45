#!/usr/bin/env bash
# tools/test.sh -- full test run for the extension (this is what `make test` runs).
#
#   1. installs missing Debian packages (PostgreSQL 15 server + dev files,
#      pgTAP, pg_prove, make, gcc) when running as root;
#   2. builds and installs the extension with PGXS;
#   3. starts a throwaway PostgreSQL cluster (pg_virtualenv, or a hand-made
#      initdb/pg_ctl cluster as fallback) and runs tools/test-inner.sh in it:
#      pg_regress (sql/ + expected/), pgTAP (test/*.sql via pg_prove) and the
#      executable documentation (README.md, docs/*.md via tools/doctest.sh);
#   4. prints a per-suite summary and, as the very last line of output,
#      "N passed, M failed, K skipped" (K: the pgTAP tests that read the
#      public datasets, when ../shared/datasets is not beside the checkout
#      and SKPI_DATASETS is not set).  Exit status is 0 only if nothing failed.
#
# Environment knobs (all optional):
#   PG_CONFIG        pg_config to build against
#                    (default /usr/lib/postgresql/15/bin/pg_config)
#   SKPI_CLUSTER     auto (default) | virtualenv | manual
#                    auto = pg_virtualenv, falling back to a manual cluster
#                    if pg_virtualenv cannot bring a cluster up
#   SKPI_SKIP_DEPS   1 = do not check/install Debian packages
#   SKPI_KEEP_LOGS   1 = keep the log directory (path is printed)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"

# Deterministic client/server messages and formatting.
export LC_ALL=C.UTF-8
unset LANGUAGE || true

SUMMARY_PRINTED=0
RUN_DIR=""

log() { printf '==> %s\n' "$*"; }

# Abort: infrastructure problem (packages, build, cluster).  The last line of
# output is still the machine-readable summary.
fail_hard() {
    printf 'test.sh: ERROR: %s\n' "$*"
    SUMMARY_PRINTED=1
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
}

# shellcheck disable=SC2317  # invoked via trap
on_exit() {
    local rc=$?
    if [ -n "$RUN_DIR" ] && [ -d "$RUN_DIR" ] && [ "${SKPI_KEEP_LOGS:-0}" != 1 ]; then
        rm -rf "$RUN_DIR"
    fi
    if [ "$SUMMARY_PRINTED" = 0 ]; then
        printf 'test.sh: ERROR: aborted unexpectedly (exit status %s)\n' "$rc"
        echo "0 passed, 1 failed, 0 skipped"
        exit 1
    fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# 1. Packages
# ---------------------------------------------------------------------------
PKGS=(postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap
      libtap-parser-sourcehandler-pgtap-perl make gcc postgresql-common
      sqlsmith python3 python3-psycopg)

if [ "${SKPI_SKIP_DEPS:-0}" = 1 ]; then
    log "skipping package check (SKPI_SKIP_DEPS=1)"
elif ! command -v dpkg-query >/dev/null 2>&1; then
    log "dpkg-query not found (not Debian?); skipping package check"
else
    mapfile -t missing < <(skpi_missing_packages "${PKGS[@]}")
    if [ "${#missing[@]}" -gt 0 ]; then
        if [ "$(id -u)" != 0 ]; then
            fail_hard "missing packages: ${missing[*]} -- run as root or install them first:
  apt-get install -y --no-install-recommends ${PKGS[*]}"
        fi
        log "installing missing packages: ${missing[*]}"
        apt-get update || fail_hard "apt-get update failed"
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PKGS[@]}" \
            || fail_hard "apt-get install failed"
    else
        log "all required packages are installed"
    fi
fi

# ---------------------------------------------------------------------------
# 2. Build + install
# ---------------------------------------------------------------------------
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
if ! PG_CONFIG_PATH=$(command -v "$PG_CONFIG"); then
    fail_hard "pg_config not found: $PG_CONFIG"
fi
PG_CONFIG=$PG_CONFIG_PATH
PG_VERSION_STR=$("$PG_CONFIG" --version) || fail_hard "$PG_CONFIG --version failed"
PG_MAJOR=$(printf '%s\n' "$PG_VERSION_STR" | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
PG_BINDIR=$("$PG_CONFIG" --bindir)
log "using $PG_CONFIG ($PG_VERSION_STR)"

log "build: make PG_CONFIG=$PG_CONFIG"
make PG_CONFIG="$PG_CONFIG" || fail_hard "build failed"
log "install: make install PG_CONFIG=$PG_CONFIG"
make install PG_CONFIG="$PG_CONFIG" || fail_hard "make install failed"

# ---------------------------------------------------------------------------
# 3. Throwaway cluster + inner test run
# ---------------------------------------------------------------------------
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/skpi-test.XXXXXX")
COUNTS="$RUN_DIR/counts"
export SKPI_PG_CONFIG="$PG_CONFIG"
export SKPI_LOGDIR="$RUN_DIR/logs"
mkdir -p "$SKPI_LOGDIR"

# postgresql.conf settings for the test cluster
PG_OPTS=(max_parallel_workers_per_gather=2 fsync=off timezone=UTC)

inner_started() { [ -f "$COUNTS" ] && grep -q '^started' "$COUNTS"; }

run_virtualenv() {
    command -v pg_virtualenv >/dev/null 2>&1 || { log "pg_virtualenv not found"; return 1; }
    skpi_virtualenv_args "$PG_MAJOR" "${PG_OPTS[@]}"
    local args=("${SKPI_VENV_ARGS[@]}")
    log "starting throwaway cluster: pg_virtualenv ${args[*]}"
    local rc=0
    pg_virtualenv "${args[@]}" bash "$ROOT/tools/test-inner.sh" "$COUNTS" || rc=$?
    return "$rc"
}

free_port() {
    perl -MIO::Socket::INET -e '
        for my $p (int(54400 + rand(2000)) .. 65000) {
            my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $p,
                                          Proto => "tcp", Listen => 1, ReuseAddr => 1);
            if ($s) { close $s; print "$p\n"; exit 0 }
        }
        exit 1'
}

MANUAL_DIR=""
SKPI_RUNAS=()
manual_cleanup() {
    [ -n "$MANUAL_DIR" ] || return 0
    skpi_cluster_drop "$MANUAL_DIR" immediate
    MANUAL_DIR=""
}

run_manual() {
    local dbuser port o rc=0
    local pgopts="-c listen_addresses=''"
    MANUAL_DIR=$(mktemp -d /tmp/skpi-pg.XXXXXX)   # short path: unix socket lives here
    trap 'manual_cleanup; on_exit' EXIT
    log "starting throwaway cluster by hand in $MANUAL_DIR"
    skpi_cluster_init "$MANUAL_DIR" "$SKPI_LOGDIR/initdb.log" || return 1
    dbuser=$SKPI_DBUSER
    port=$(free_port) || port=54329
    for o in "${PG_OPTS[@]}"; do pgopts+=" -c $o"; done
    pgopts+=" -p $port -k $MANUAL_DIR"
    skpi_cluster_start "$MANUAL_DIR" "$pgopts" || return 1
    (
        unset PGHOSTADDR PGSERVICE PGPASSWORD PGPASSFILE
        export PGHOST="$MANUAL_DIR" PGPORT="$port" PGUSER="$dbuser" PGDATABASE=postgres
        export SKPI_SERVER_LOG="$MANUAL_DIR/server.log"
        bash "$ROOT/tools/test-inner.sh" "$COUNTS"
    ) || rc=$?
    manual_cleanup
    trap on_exit EXIT
    return "$rc"
}

mode=${SKPI_CLUSTER:-auto}
inner_rc=0
case $mode in
    virtualenv)
        run_virtualenv || inner_rc=$?
        ;;
    manual)
        run_manual || inner_rc=$?
        ;;
    auto)
        run_virtualenv || inner_rc=$?
        if ! inner_started; then
            log "pg_virtualenv did not bring up a usable cluster (exit $inner_rc); falling back to a manual cluster"
            rm -f "$COUNTS"
            inner_rc=0
            run_manual || inner_rc=$?
        fi
        ;;
    *)
        fail_hard "unknown SKPI_CLUSTER=$mode (use auto, virtualenv or manual)"
        ;;
esac

if ! inner_started; then
    fail_hard "could not start a test cluster (exit $inner_rc)"
fi

# ---------------------------------------------------------------------------
# 4. Summary
# ---------------------------------------------------------------------------
total_p=0
total_f=0
total_s=0
echo
echo "==================== test summary ===================="
while read -r suite p f status s; do
    case $suite in
        regress) label="pg_regress (sql/)" ;;
        pgtap)   label="pgTAP (test/)" ;;
        doc)     label="doc examples" ;;
        server)  label="server crash" ;;
        check:*) label="check ${suite#check:}" ;;
        *)       continue ;;
    esac
    if [ "$status" = skipped ]; then
        printf '%-24s skipped (nothing to run)\n' "$label:"
    else
        printf '%-24s %d passed, %d failed' "$label:" "$p" "$f"
        [ "${s:-0}" = 0 ] || printf ', %d skipped' "$s"
        printf '\n'
    fi
    total_p=$((total_p + p))
    total_f=$((total_f + f))
    total_s=$((total_s + ${s:-0}))
done < "$COUNTS"

if ! grep -q '^done' "$COUNTS"; then
    echo "test run did not complete (inner script exit status $inner_rc)"
    total_f=$((total_f + 1))
elif [ "$inner_rc" != 0 ]; then
    echo "test cluster wrapper exited with status $inner_rc"
    total_f=$((total_f + 1))
fi
if [ "${SKPI_KEEP_LOGS:-0}" = 1 ]; then
    echo "logs kept in $SKPI_LOGDIR"
fi

if [ "$total_s" -gt 0 ]; then
    echo "skipped: $total_s tests that read the public datasets, which are not beside this checkout (../shared/datasets; set SKPI_DATASETS to use a copy elsewhere)"
fi
echo "======================================================"

SUMMARY_PRINTED=1
echo "$total_p passed, $total_f failed, $total_s skipped"
if [ "$total_f" -gt 0 ]; then
    exit 1
fi
exit 0

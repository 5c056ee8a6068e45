#!/usr/bin/env bash
# tools/test.sh -- `make test`, the CI command: on Debian, as root,
#   1. installs the Debian packages that are missing (tools/lib.sh skpi_deps);
#   2. builds and installs the extension into Debian's PostgreSQL (15 unless
#      PG_CONFIG names another /usr/lib/postgresql/NN/bin/pg_config);
#   3. runs tools/suites.sh (pg_regress, pgTAP, the doc examples, the checks)
#      in a throwaway cluster of that PostgreSQL (skpi_virtualenv).
# Its last line is the suites' "N passed, M failed, K skipped"; exit status 0
# only if nothing failed.  Knobs: PG_CONFIG, SKPI_SKIP_DEPS=1 (no package
# check), SKPI_DATASETS (tools/lib.sh), SKPI_KEEP_LOGS=1 (keep the logs).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tools/lib.sh
. tools/lib.sh
export LC_ALL=C.UTF-8

# anything that stops the run before the suites' summary still ends with one
die() { echo "test.sh: $*"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
[[ $PG_CONFIG =~ ^/usr/lib/postgresql/([0-9]+)/bin/pg_config$ ]] ||
    die "PG_CONFIG=$PG_CONFIG: pg_virtualenv runs Debian's packages only (/usr/lib/postgresql/NN/bin/pg_config)"
MAJOR=${BASH_REMATCH[1]}

# 1. the server and its headers, pgTAP and pg_prove, pg_virtualenv
# (postgresql-common), and what the checks run (sqlsmith, psycopg 3, a JDK and
# the PostgreSQL JDBC driver)
skpi_deps "postgresql-$MAJOR" "postgresql-server-dev-$MAJOR" "postgresql-$MAJOR-pgtap" \
    libtap-parser-sourcehandler-pgtap-perl postgresql-common make gcc sqlsmith python3 python3-psycopg \
    default-jdk-headless libpostgresql-jdbc-java ||
    die "could not install the Debian packages"

# 2. build and install
make PG_CONFIG="$PG_CONFIG" && make install PG_CONFIG="$PG_CONFIG" || die "build or install failed"

# 3. the suites.  pg_virtualenv prints messages of its own after the command
# ("Dropping cluster", the server log when the command fails): they go to
# pg_virtualenv.log, the suites' output to the terminal (fd 3) and to
# suites.log, so that the suites' summary is the last line.
export SKPI_LOGDIR
SKPI_LOGDIR=$(mktemp -d "${TMPDIR:-/tmp}/skpi-test.XXXXXX")
if [ "${SKPI_KEEP_LOGS:-0}" = 1 ]; then echo "==> logs in $SKPI_LOGDIR"; else trap 'rm -rf "$SKPI_LOGDIR"' EXIT; fi
exec 3>&1
skpi_virtualenv "$MAJOR" bash -c 'bash tools/suites.sh 2>&1 | tee "$SKPI_LOGDIR/suites.log" >&3; exit "${PIPESTATUS[0]}"' \
    >"$SKPI_LOGDIR/pg_virtualenv.log" 2>&1
rc=$?
if ! skpi_counts "$SKPI_LOGDIR/suites.log"; then
    tail -n 50 "$SKPI_LOGDIR/pg_virtualenv.log"
    die "the suites did not finish (exit status $rc)"
fi
# the suites passed but pg_virtualenv failed afterwards (dropping the cluster,
# say): one more failure, so that the last line agrees with the exit status
if [ "$rc" != 0 ] && [ "$FAILED" = 0 ]; then
    trap - EXIT
    tail -n 50 "$SKPI_LOGDIR/pg_virtualenv.log"
    echo "test.sh: pg_virtualenv exited with status $rc after the suites (logs kept in $SKPI_LOGDIR)"
    echo "$PASSED passed, 1 failed, $SKIPPED skipped"
fi
exit "$rc"

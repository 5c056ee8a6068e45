# tools/lib.sh -- what the tools share: Debian packages, throwaway clusters,
# the "N passed, M failed, K skipped" line, the datasets folder.  Sourced.
# shellcheck shell=bash

SKPI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The public call-centre datasets some pgTAP tests read: never copied into
# the project (their licence is unknown); SKPI_DATASETS, else ../shared/datasets
# beside the checkout, else none (those tests skip).  Exported so that a copy
# of the tree (sanitize, check-majors) still finds the checkout's.
# (a link or a file there counts as present: the tests then fail, not skip)
if [ -z "${SKPI_DATASETS:-}" ] && { [ -e "$SKPI_ROOT/../shared/datasets" ] || [ -L "$SKPI_ROOT/../shared/datasets" ]; }; then
    SKPI_DATASETS=$(cd "$SKPI_ROOT/../shared/datasets" 2>/dev/null && pwd || echo "$SKPI_ROOT/../shared/datasets")
fi
export SKPI_DATASETS=${SKPI_DATASETS:-}

# postgresql.conf settings of every throwaway cluster
SKPI_SETTINGS=(max_parallel_workers_per_gather=2 fsync=off timezone=UTC)

# skpi_deps PACKAGE...: the one place that installs Debian packages.  Installs
# those of the list that are missing (apt-get, noninteractive, as root only);
# SKPI_SKIP_DEPS=1 skips the check.
skpi_deps() {
    local p missing=()
    [ "${SKPI_SKIP_DEPS:-0}" = 1 ] && return 0
    command -v dpkg-query >/dev/null || return 0    # not Debian: the packages are yours to install
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' || missing+=("$p")
    done
    [ "${#missing[@]}" -gt 0 ] || return 0
    if [ "$(id -u)" != 0 ]; then
        echo "missing Debian packages: ${missing[*]} (run as root, or apt-get install them)" >&2
        return 1
    fi
    echo "==> apt-get install ${missing[*]}"
    apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# skpi_virtualenv MAJOR COMMAND...: runs COMMAND against a throwaway cluster
# of Debian's PostgreSQL MAJOR, the way to get one.  pg_virtualenv
# (postgresql-common) creates it in a temp directory (-t: even as root,
# /etc/postgresql is not touched), runs the server as postgres, sets PGHOST,
# PGPORT, PGUSER and PGPASSWORD for COMMAND, drops the cluster when COMMAND
# ends and returns its exit status.
skpi_virtualenv() {
    local major=$1 s opts=()
    shift
    for s in "${SKPI_SETTINGS[@]}"; do opts+=(-o "$s"); done
    pg_virtualenv -v "$major" -t -c --locale=C.UTF-8 "${opts[@]}" "$@"
}

# skpi_cluster_start BINDIR [NAME=VALUE...] / skpi_cluster_stop [KEEP]: a
# throwaway cluster of a PostgreSQL that is not Debian's package: sanitize's
# relocated copy, check-majors' builds from source, fuzz's PG_CONFIG.
# pg_virtualenv cannot run those (pg_createcluster only knows
# /usr/lib/postgresql/NN), nor give environment to the server alone (the
# sanitizer runtime in LD_PRELOAD: pg_ctl itself hangs with it).  initdb, then
# the server started directly, as postgres when we are root, on a unix socket
# in a temp directory; NAME=VALUE pairs go into the server's environment.
# Exports PGHOST, PGPORT, PGUSER, PGDATABASE and SKPI_SERVER_LOG.  Stopping
# removes the cluster's directory, unless KEEP is 1.
skpi_cluster_start() {
    local bindir=$1 dir user s opts=() _
    shift
    dir=$(mktemp -d /tmp/skpi-pg.XXXXXX)    # short path: the socket lives here
    SKPI_RUNAS=()
    user=$(id -un)
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$dir"
        SKPI_RUNAS=(runuser -u postgres --)
        user=postgres
    fi
    SKPI_CLUSTER_DIR=$dir
    SKPI_CLUSTER_BINDIR=$bindir
    "${SKPI_RUNAS[@]}" "$bindir/initdb" -D "$dir/data" -U "$user" -A trust --locale=C.UTF-8 \
        -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
    for s in "${SKPI_SETTINGS[@]}"; do opts+=(-c "$s"); done
    "${SKPI_RUNAS[@]}" env "$@" "$bindir/postgres" -D "$dir/data" -c listen_addresses= -p 5432 \
        -k "$dir" "${opts[@]}" >"$dir/server.log" 2>&1 </dev/null &
    for _ in $(seq 240); do
        "$bindir/pg_isready" -q -h "$dir" -p 5432 && break
        kill -0 $! 2>/dev/null || break     # the server exited
        sleep 0.5
    done
    "$bindir/pg_isready" -q -h "$dir" -p 5432 || { cat "$dir/server.log"; return 1; }
    unset PGHOSTADDR PGSERVICE PGPASSWORD PGPASSFILE PGOPTIONS
    export PGHOST=$dir PGPORT=5432 PGUSER=$user PGDATABASE=postgres SKPI_SERVER_LOG=$dir/server.log
    echo "==> cluster in $dir (server log $SKPI_SERVER_LOG)"
}
skpi_cluster_stop() {
    [ -n "${SKPI_CLUSTER_DIR:-}" ] || return 0
    "${SKPI_RUNAS[@]}" "$SKPI_CLUSTER_BINDIR/pg_ctl" -D "$SKPI_CLUSTER_DIR/data" -m fast -w -t 60 stop \
        >/dev/null 2>&1 ||
        "${SKPI_RUNAS[@]}" "$SKPI_CLUSTER_BINDIR/pg_ctl" -D "$SKPI_CLUSTER_DIR/data" -m immediate -w stop \
            >/dev/null 2>&1
    if [ "${1:-0}" = 1 ]; then echo "cluster directory kept: $SKPI_CLUSTER_DIR"; else rm -rf "$SKPI_CLUSTER_DIR"; fi
    SKPI_CLUSTER_DIR=
}

# skpi_counts FILE: reads "N passed, M failed[, K skipped]" from the last line
# of FILE (every suite, check and tool here ends with one) into PASSED, FAILED
# and SKIPPED; returns 1 when that line has none.
skpi_counts() {
    local re='([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?'
    [[ $(tail -n 1 "$1" 2>/dev/null) =~ $re ]] || return 1
    PASSED=${BASH_REMATCH[1]} FAILED=${BASH_REMATCH[2]} SKIPPED=${BASH_REMATCH[4]:-0}
}

# skpi_psycopg_python: prints the python3 that imports psycopg 3 (Debian's
# python3-psycopg, so /usr/bin/python3 first)
skpi_psycopg_python() {
    local py=/usr/bin/python3
    [ -x "$py" ] || py=python3
    "$py" -c 'import psycopg' 2>/dev/null || { echo "python3-psycopg is not installed" >&2; return 1; }
    echo "$py"
}

# Databases the tools create on a server that may be yours (suites.sh runs
# against any server): each is marked with a COMMENT and only a marked one is
# ever dropped.  SKPI_DEMO_MARK is tools/demo.sh's (make demo, the BI checks);
# SKPI_TEST_MARK the checks' own scratch databases.
SKPI_DEMO_MARK="support_kpi demo database: created by make demo (tools/demo.sh), dropped and re-created by it"
SKPI_TEST_MARK="support_kpi test database: created by a check of tools/checks, dropped by it"

# skpi_db_mark DB: prints "x<comment>" if DB exists, nothing if it does not
skpi_db_mark() {
    "${PSQL:-psql}" -X -At -v ON_ERROR_STOP=1 -d postgres -v db="$1" <<'SQL'
SELECT 'x' || coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = :'db'
SQL
}

# skpi_drop_marked_db DB MARK: drops DB if it carries MARK; leaves any other alone
skpi_drop_marked_db() {
    [ "$(skpi_db_mark "$1")" = "x$2" ] || return 0
    "${PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$1" <<'SQL' >/dev/null
DROP DATABASE :"db" WITH (FORCE)
SQL
}

# skpi_scratch_db DB: a fresh scratch database for a check (marked); refuses
# (status 1) if DB exists without the mark
skpi_scratch_db() {
    local found
    found=$(skpi_db_mark "$1") || return 1
    if [ -n "$found" ] && [ "$found" != "x$SKPI_TEST_MARK" ]; then
        echo "database \"$1\" exists and was not created by a check: left alone" >&2
        return 1
    fi
    skpi_drop_marked_db "$1" "$SKPI_TEST_MARK" &&
    "${PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$1" -v mark="$SKPI_TEST_MARK" <<'SQL' >/dev/null
CREATE DATABASE :"db";
COMMENT ON DATABASE :"db" IS :'mark';
SQL
}

# skpi_demo_server COMMAND...: the outer part of make demo and make dashboard.
# Installs the missing Debian packages of PG_CONFIG's PostgreSQL (server, dev
# files, make, gcc; default Debian's 15), builds and installs the extension
# into it, then runs COMMAND against a throwaway cluster (skpi_virtualenv),
# or, with SKPI_CLUSTER=existing, against the server PGHOST, PGPORT, PGUSER
# point at (a build of yours is allowed only there).  Returns COMMAND's exit
# status; 1 with a message (prefixed by the calling script's name) when it did
# not get to run it.
skpi_demo_server() {
    local me major=
    me=$(basename "$0")
    export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
    if [[ $PG_CONFIG =~ ^/usr/lib/postgresql/([0-9]+)/bin/pg_config$ ]]; then
        major=${BASH_REMATCH[1]}
        skpi_deps "postgresql-$major" "postgresql-server-dev-$major" make gcc postgresql-common || {
            printf '%s: ERROR: could not install the Debian packages\n' "$me" >&2
            return 1
        }
    elif [ "${SKPI_CLUSTER:-}" != existing ]; then
        printf '%s: ERROR: PG_CONFIG=%s is not Debian'\''s /usr/lib/postgresql/NN/bin/pg_config: use SKPI_CLUSTER=existing\n' \
            "$me" "$PG_CONFIG" >&2
        return 1
    fi
    if [ "${SKPI_CLUSTER:-}" = existing ] && [ -z "${PGUSER:-}" ] && [ "$(id -u)" = 0 ]; then
        printf '%s: ERROR: SKPI_CLUSTER=existing as root needs PGUSER (and PGHOST, PGPORT, PGPASSWORD as your server wants): PostgreSQL has no role "root"; e.g. PGUSER=postgres PGHOST=localhost make %s SKPI_CLUSTER=existing\n' \
            "$me" "${me%.sh}" >&2
        return 1
    fi
    echo "==> build and install with $PG_CONFIG"
    make -s -C "$SKPI_ROOT" PG_CONFIG="$PG_CONFIG" >/dev/null || { printf '%s: ERROR: build failed\n' "$me" >&2; return 1; }
    make -s -C "$SKPI_ROOT" install PG_CONFIG="$PG_CONFIG" >/dev/null ||
        { printf '%s: ERROR: make install failed\n' "$me" >&2; return 1; }
    if [ "${SKPI_CLUSTER:-}" = existing ]; then
        "$@"
    else
        skpi_virtualenv "$major" "$@"
    fi
}

# The TAP-like lines of a check script: skpi_check STATUS DESCRIPTION [DETAIL]
# prints "ok - ..." when STATUS is 0, else "not ok - ..." and DETAIL as
# "#   " lines, and counts; skpi_check_summary NAME prints the last line
# "NAME: N passed, M failed" that tools/suites.sh reads and returns 1 if any
# failed
SKPI_CHECK_PASSED=0
SKPI_CHECK_FAILED=0
skpi_check() {
    if [ "$1" = 0 ]; then
        SKPI_CHECK_PASSED=$((SKPI_CHECK_PASSED + 1))
        echo "ok - $2"
    else
        SKPI_CHECK_FAILED=$((SKPI_CHECK_FAILED + 1))
        echo "not ok - $2"
        [ -z "${3:-}" ] || printf '#   %s\n' "${3//$'\n'/$'\n#   '}"
    fi
}
skpi_check_summary() {
    echo "$1: $SKPI_CHECK_PASSED passed, $SKPI_CHECK_FAILED failed"
    [ "$SKPI_CHECK_FAILED" = 0 ]
}

# tools/lib.sh -- shell helpers shared by tools/test.sh and tools/demo.sh.
# shellcheck shell=bash
# Sourced, not run.  The cluster helpers use PG_BINDIR (the server's bindir).

# skpi_missing_packages PKG...: prints the Debian packages that are not
# installed, one a line
skpi_missing_packages() {
    local p st
    for p in "$@"; do
        st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
        [ "$st" = "install ok installed" ] || printf '%s\n' "$p"
    done
}

# skpi_virtualenv_args MAJOR SETTING...: sets the array SKPI_VENV_ARGS to
# pg_virtualenv's arguments for a throwaway cluster with these
# postgresql.conf settings (-t: a temp dir even as root, /etc/postgresql is
# not touched)
skpi_virtualenv_args() {
    SKPI_VENV_ARGS=(-v "$1" -t -c "--locale=C.UTF-8")
    shift
    local o
    for o in "$@"; do SKPI_VENV_ARGS+=(-o "$o"); done
}

# skpi_cluster_init DIR INITDB_LOG: a new cluster in DIR/data, owned by
# postgres when running as root (DIR is chowned), else by the current user.
# Sets SKPI_RUNAS (the command prefix that runs as that user) and
# SKPI_DBUSER (the superuser's name).  On failure prints the initdb log and
# returns 1.
skpi_cluster_init() {
    local dir=$1 initlog=$2
    if [ "$(id -u)" = 0 ]; then
        chown postgres:postgres "$dir"
        SKPI_RUNAS=(runuser -u postgres --)
        SKPI_DBUSER=postgres
    else
        SKPI_RUNAS=()
        SKPI_DBUSER=$(id -un)
    fi
    if ! "${SKPI_RUNAS[@]}" "$PG_BINDIR/initdb" -D "$dir/data" -U "$SKPI_DBUSER" -A trust \
            --locale=C.UTF-8 -E UTF8 --no-sync >"$initlog" 2>&1; then
        cat "$initlog"
        return 1
    fi
}

# skpi_cluster_start DIR OPTIONS: starts the cluster of skpi_cluster_init
# (server log DIR/server.log, printed on stderr on failure: callers may
# silence stdout)
skpi_cluster_start() {
    "${SKPI_RUNAS[@]}" "$PG_BINDIR/pg_ctl" -D "$1/data" -l "$1/server.log" -o "$2" -w -t 120 start && return 0
    cat "$1/server.log" >&2 2>/dev/null || true
    return 1
}

# skpi_cluster_drop DIR MODE: stops the cluster if it runs (MODE: fast,
# immediate) and removes DIR
skpi_cluster_drop() {
    if [ -f "$1/data/postmaster.pid" ]; then
        "${SKPI_RUNAS[@]}" "$PG_BINDIR/pg_ctl" -D "$1/data" -m "$2" -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$1"
}

# skpi_psycopg_python: prints the python3 that imports psycopg 3 (Debian's
# python3-psycopg, so /usr/bin/python3 first); else says so and returns 1
skpi_psycopg_python() {
    local py=/usr/bin/python3
    [ -x "$py" ] || py=python3
    if ! "$py" -c 'import psycopg' 2>/dev/null; then
        echo "python3-psycopg is not installed (tools/test.sh installs it as root)" >&2
        return 1
    fi
    printf '%s\n' "$py"
}

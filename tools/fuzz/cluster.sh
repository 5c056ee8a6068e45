# tools/fuzz/cluster.sh -- sourced by tools/fuzz/run.sh (make fuzz) and
# tools/sanitize.sh (make sanitize): a throwaway PostgreSQL cluster made by hand
# with the binaries of a given pg_config (initdb + pg_ctl, unix socket only, in
# a temp dir; run as the postgres user when we are root).  Unlike pg_virtualenv
# it works with any installation, including a private relocated copy, and lets
# the caller pass environment to the server (LD_PRELOAD for the sanitizers).
#
#   tc_start BINDIR [NAME=VALUE ...]   start; the NAME=VALUE pairs go into the
#                                      server's environment.  Exports PGHOST,
#                                      PGPORT, PGUSER, PGDATABASE; sets TC_DIR
#                                      and TC_LOG (the server log)
#   tc_stop                            stop it and remove its directory
#                                      (kept when TC_KEEP=1)
# Server settings: TC_OPTS (array of name=value), default as tools/test.sh.

TC_DIR=""
TC_LOG=""
TC_BINDIR=""
TC_RUNAS=()
TC_OPTS=(${TC_OPTS[@]+"${TC_OPTS[@]}"})
[ "${#TC_OPTS[@]}" -gt 0 ] || TC_OPTS=(max_parallel_workers_per_gather=2 fsync=off timezone=UTC)

tc_start() {
    local o _ dbuser
    # unix socket only, in a directory of its own: any port number is free
    local port=${TC_PORT:-5432}
    TC_BINDIR=$1
    shift
    TC_DIR=$(mktemp -d /tmp/skpi-tc.XXXXXX)   # short path: the unix socket lives here
    TC_LOG="$TC_DIR/server.log"
    # as root, the server runs as postgres
    dbuser=$(id -un)
    TC_RUNAS=()
    [ "$(id -u)" != 0 ] || { chown postgres:postgres "$TC_DIR"; TC_RUNAS=(runuser -u postgres --); dbuser=postgres; }
    if ! "${TC_RUNAS[@]}" "$TC_BINDIR/initdb" -D "$TC_DIR/data" -U "$dbuser" -A trust \
            --locale=C.UTF-8 -E UTF8 --no-sync >"$TC_DIR/initdb.log" 2>&1; then
        cat "$TC_DIR/initdb.log"
        return 1
    fi
    local args=(-D "$TC_DIR/data" -c "listen_addresses=" -p "$port" -k "$TC_DIR")
    for o in "${TC_OPTS[@]}"; do args+=(-c "$o"); done
    # the server is started directly, not by pg_ctl: the environment (say
    # LD_PRELOAD of a sanitizer runtime) must reach the server only (pg_ctl
    # hangs with the ASan runtime preloaded)
    "${TC_RUNAS[@]}" env "$@" "$TC_BINDIR/postgres" "${args[@]}" >"$TC_LOG" 2>&1 </dev/null &
    for _ in $(seq 1 240); do
        [ -S "$TC_DIR/.s.PGSQL.$port" ] && "$TC_BINDIR/pg_isready" -q -h "$TC_DIR" -p "$port" && break
        sleep 0.5
    done
    if ! "$TC_BINDIR/pg_isready" -q -h "$TC_DIR" -p "$port"; then
        cat "$TC_LOG" 2>/dev/null || true
        return 1
    fi
    unset PGHOSTADDR PGSERVICE PGPASSWORD PGPASSFILE PGOPTIONS
    export PGHOST="$TC_DIR" PGPORT="$port" PGUSER="$dbuser" PGDATABASE=postgres
    echo "cluster: $TC_DIR (port $port, server log $TC_LOG)"
}

tc_stop() {
    [ -n "$TC_DIR" ] || return 0
    if [ -f "$TC_DIR/data/postmaster.pid" ]; then
        "${TC_RUNAS[@]}" "$TC_BINDIR/pg_ctl" -D "$TC_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
            "${TC_RUNAS[@]}" "$TC_BINDIR/pg_ctl" -D "$TC_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ "${TC_KEEP:-0}" = 1 ]; then
        echo "cluster directory kept: $TC_DIR"
    else
        rm -rf "$TC_DIR"
    fi
    TC_DIR=""
}

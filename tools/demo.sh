#!/usr/bin/env bash
# tools/demo.sh -- `make demo`: the whole analyst job in one command.
#
#   1. installs missing Debian packages (PostgreSQL 15 server + dev files,
#      make, gcc) when running as root;
#   2. builds and installs the extension with PGXS;
#   3. starts a throwaway cluster (pg_virtualenv -t, or a hand-made
#      initdb/pg_ctl cluster as user postgres as fallback), creates the
#      extension, loads a year of synthetic contacts with
#      generate_demo_contacts() / generate_demo_events(), creates the report
#      views and prints the reports: every ```sql block of docs/cookbook.md,
#      in order (the cookbook is the single source of the reports; the test
#      suite checks its printed outputs);
#   4. drops the cluster.  It can be run again.
#
# Environment knobs (all optional):
#   PG_CONFIG        pg_config to build against
#                    (default /usr/lib/postgresql/15/bin/pg_config)
#   SKPI_SKIP_DEPS   1 = do not check/install Debian packages
#   SKPI_CLUSTER     auto (default) | virtualenv | manual | existing
#                    existing = no throwaway cluster: use the server the
#                    PGHOST/PGPORT/PGUSER variables point at (database
#                    $SKPI_DEMO_DB, default skpi_demo, is dropped and re-created)
#   SKPI_DEMO_DB     database name (default skpi_demo)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
export LC_ALL=C.UTF-8
unset LANGUAGE || true

say() { printf '==> %s\n' "$*"; }
die() { printf 'demo.sh: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Inner part: runs against a live server (PG* variables set)
# ---------------------------------------------------------------------------
if [ "${1:-}" = --inner ]; then
    DB=${SKPI_DEMO_DB:-skpi_demo}
    PG_BINDIR=$("${PG_CONFIG:?}" --bindir)
    PSQL=psql
    [ -x "$PG_BINDIR/psql" ] && PSQL="$PG_BINDIR/psql"
    [ -n "${SKPI_DEMO_STARTED:-}" ] && echo started > "$SKPI_DEMO_STARTED"
    PGOPTIONS="-c client_min_messages=warning" "$PSQL" -X -q -v ON_ERROR_STOP=1 -d postgres \
        -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "CREATE EXTENSION support_kpi"
    say "server: $("$PSQL" -X -At -d "$DB" -c 'SELECT version()')"
    BLOCKS=$(mktemp -d "${TMPDIR:-/tmp}/skpi-demo.XXXXXX")
    trap 'rm -rf "$BLOCKS"' EXIT
    # docs/cookbook.md -> NNNN.sql (the ```sql blocks that are not norun) and
    # NNNN.title (the heading they stand under)
    perl -e '
        my ($file, $dir) = @ARGV;
        open my $fh, "<", $file or die "$file: $!\n";
        my ($n, $title, $in, $sql) = (0, "", 0, "");
        while (my $l = <$fh>) {
            if (!$in && $l =~ /^#{1,3}\s+(.*?)\s*$/) { $title = $1; next }
            if (!$in && $l =~ /^```sql(.*)$/) {
                my $info = $1;
                $in = ($info =~ /\b(norun|skip)\b/) ? 2 : 1;
                $sql = "";
                next;
            }
            if ($in && $l =~ /^```\s*$/) {
                if ($in == 1) {
                    $n++;
                    my $id = sprintf "%s/%04d", $dir, $n;
                    open my $o, ">", "$id.sql" or die; print $o $sql; close $o;
                    open my $t, ">", "$id.title" or die; print $t "$title\n"; close $t;
                }
                $in = 0;
                next;
            }
            $sql .= $l if $in;
        }' docs/cookbook.md "$BLOCKS"
    last_title=""
    for f in "$BLOCKS"/*.sql; do
        title=$(cat "${f%.sql}.title")
        if [ "$title" != "$last_title" ]; then
            printf '\n######## %s\n\n' "$title"
            last_title=$title
        fi
        "$PSQL" -X -q -v ON_ERROR_STOP=1 -P pager=off -d "$DB" -f "$f" \
            || die "a cookbook block failed: $(head -n 1 "$f")"
    done
    printf '\n'
    exit 0
fi

# ---------------------------------------------------------------------------
# 1. Packages
# ---------------------------------------------------------------------------
PKGS=(postgresql-15 postgresql-server-dev-15 make gcc postgresql-common)
if [ "${SKPI_SKIP_DEPS:-0}" = 1 ]; then
    say "skipping package check (SKPI_SKIP_DEPS=1)"
elif ! command -v dpkg-query >/dev/null 2>&1; then
    say "dpkg-query not found (not Debian?); skipping package check"
else
    mapfile -t need < <(skpi_missing_packages "${PKGS[@]}")
    if [ "${#need[@]}" -gt 0 ]; then
        [ "$(id -u)" = 0 ] || die "missing packages: ${need[*]} -- run as root, or: apt-get install -y ${PKGS[*]}"
        say "installing ${need[*]}"
        apt-get update || die "apt-get update failed"
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PKGS[@]}" \
            || die "apt-get install failed"
    fi
fi

# ---------------------------------------------------------------------------
# 2. Build + install
# ---------------------------------------------------------------------------
PG_CONFIG=$(command -v "${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}") || die "pg_config not found"
export PG_CONFIG
PG_BINDIR=$("$PG_CONFIG" --bindir)
PG_MAJOR=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
say "build and install with $PG_CONFIG"
make -s PG_CONFIG="$PG_CONFIG" >/dev/null || die "build failed"
make -s install PG_CONFIG="$PG_CONFIG" >/dev/null || die "make install failed"

# ---------------------------------------------------------------------------
# 3. Cluster, then the inner part
# ---------------------------------------------------------------------------
STARTED=$(mktemp "${TMPDIR:-/tmp}/skpi-demo-started.XXXXXX")
rm -f "$STARTED"
export SKPI_DEMO_STARTED=$STARTED
SETTINGS=(max_parallel_workers_per_gather=2 timezone=UTC)

with_virtualenv() {
    command -v pg_virtualenv >/dev/null 2>&1 || { say "pg_virtualenv not found"; return 1; }
    skpi_virtualenv_args "$PG_MAJOR" "${SETTINGS[@]}"
    say "throwaway cluster: pg_virtualenv ${SKPI_VENV_ARGS[*]}"
    pg_virtualenv "${SKPI_VENV_ARGS[@]}" bash "$ROOT/tools/demo.sh" --inner
}

CLUSTER_DIR=""
SKPI_RUNAS=()
drop_cluster() {
    [ -n "$CLUSTER_DIR" ] || return 0
    skpi_cluster_drop "$CLUSTER_DIR" fast
    CLUSTER_DIR=""
}
with_initdb() {
    local opts s rc=0
    CLUSTER_DIR=$(mktemp -d /tmp/skpi-demo-pg.XXXXXX)   # short path: the unix socket lives here
    trap drop_cluster EXIT
    say "throwaway cluster by hand in $CLUSTER_DIR"
    skpi_cluster_init "$CLUSTER_DIR" "$CLUSTER_DIR/initdb.log" || { say "initdb failed (log above)"; return 1; }
    # no TCP port: only the socket in the cluster's own directory
    opts="-c listen_addresses='' -k $CLUSTER_DIR -p 5432 -c fsync=off"
    for s in "${SETTINGS[@]}"; do opts+=" -c $s"; done
    skpi_cluster_start "$CLUSTER_DIR" "$opts" >/dev/null \
        || { say "the throwaway cluster did not start (server log above)"; return 1; }
    (
        unset PGHOSTADDR PGSERVICE PGPASSWORD PGPASSFILE PGDATABASE
        export PGHOST="$CLUSTER_DIR" PGPORT=5432 PGUSER="$SKPI_DBUSER"
        bash "$ROOT/tools/demo.sh" --inner
    ) || rc=$?
    drop_cluster
    return "$rc"
}

case ${SKPI_CLUSTER:-auto} in
    existing)   bash "$ROOT/tools/demo.sh" --inner ;;
    virtualenv) with_virtualenv ;;
    manual)     with_initdb ;;
    auto)
        rc=0
        with_virtualenv || rc=$?
        if [ ! -f "$STARTED" ]; then
            say "pg_virtualenv did not bring up a cluster (exit $rc); starting one by hand"
            with_initdb
        elif [ "$rc" != 0 ]; then
            rm -f "$STARTED"
            die "the demo failed (exit $rc)"
        fi
        ;;
    *) die "unknown SKPI_CLUSTER=${SKPI_CLUSTER} (auto, virtualenv, manual or existing)" ;;
esac
rm -f "$STARTED"
if [ "${SKPI_CLUSTER:-auto}" = existing ]; then
    say "demo done; the data and the report views are in database ${SKPI_DEMO_DB:-skpi_demo}"
else
    say "demo done; the throwaway cluster is dropped (SKPI_CLUSTER=existing keeps the data in a server of yours)"
fi

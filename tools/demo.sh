#!/usr/bin/env bash
# tools/demo.sh -- `make demo`: the whole analyst job in one command.
#
#   1. installs missing Debian packages (PostgreSQL 15 server + dev files,
#      make, gcc; tools/lib.sh skpi_deps) when running as root;
#   2. builds and installs the extension with PGXS;
#   3. starts a throwaway cluster (tools/lib.sh skpi_virtualenv), creates the
#      extension, loads a year of synthetic contacts with
#      generate_demo_contacts() / generate_demo_events(), creates the report
#      views and prints the reports: every ```sql block of docs/cookbook.md,
#      in order (the cookbook is the single source of the reports; the test
#      suite checks its printed outputs);
#   4. drops the cluster.  It can be run again.
#
# Environment knobs (all optional):
#   PG_CONFIG        Debian's pg_config to build against
#                    (default /usr/lib/postgresql/15/bin/pg_config)
#   SKPI_SKIP_DEPS   1 = do not check/install Debian packages
#   SKPI_CLUSTER     existing = no throwaway cluster: use the server the libpq
#                    variables point at: PGHOST, PGPORT, PGUSER (required when
#                    running as root: there is no role "root"), PGPASSWORD if
#                    the server asks for one.  The role needs CREATEDB, and the
#                    right to CREATE EXTENSION support_kpi (trusted: the owner
#                    of the database may).  Builds and installs the extension
#                    into the PostgreSQL of PG_CONFIG first (needs write access
#                    to its directories).
#   SKPI_DEMO_DB     database name (default skpi_demo).  The demo creates it and
#                    marks it (COMMENT ON DATABASE); a later run drops and
#                    re-creates only a database it marked.  It refuses to touch
#                    an existing database without its mark unless
#                    SKPI_DEMO_REPLACE=1 (which drops it: every table in it is lost)
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
    # a row "x<comment>" if the database exists, nothing if it does not
    found=$(PSQL=$PSQL skpi_db_mark "$DB") ||
        die "cannot reach the server (PGHOST=${PGHOST:-} PGPORT=${PGPORT:-} PGUSER=${PGUSER:-})"
    if [ -n "$found" ]; then
        if [ "$found" != "x$SKPI_DEMO_MARK" ] && [ "${SKPI_DEMO_REPLACE:-}" != 1 ]; then
            die "database \"$DB\" exists and was not created by make demo: it is left alone. Choose another name (SKPI_DEMO_DB=...) or drop it yourself; SKPI_DEMO_REPLACE=1 drops it"
        fi
        say "dropping the demo database \"$DB\" of an earlier run"
        "$PSQL" -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$DB" <<'SQL' || die "could not drop \"$DB\""
DROP DATABASE :"db" WITH (FORCE)
SQL
    fi
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$DB" -v mark="$SKPI_DEMO_MARK" <<'SQL' ||
CREATE DATABASE :"db";
COMMENT ON DATABASE :"db" IS :'mark';
SQL
        die "could not create \"$DB\""
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
# Outer part: packages, build, install (tools/lib.sh skpi_demo_server), then
# the inner part in a throwaway cluster (or the server of PGHOST/PGPORT)
# ---------------------------------------------------------------------------
skpi_demo_server bash "$ROOT/tools/demo.sh" --inner || die "the demo failed"
if [ "${SKPI_CLUSTER:-}" = existing ]; then
    say "demo done; the data and the report views are in database ${SKPI_DEMO_DB:-skpi_demo}"
else
    say "demo done; the throwaway cluster is dropped (SKPI_CLUSTER=existing keeps the data in a server of yours)"
fi

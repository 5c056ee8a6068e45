#!/usr/bin/env bash
# JDBC check (Metabase's driver): test/clients/JdbcCheck.java, compiled with
# Debian's default-jdk-headless against libpostgresql-jdbc-java's
# /usr/share/java/postgresql.jar, run over the demo database that
# tools/demo.sh --inner builds in skpi_demo_jdbc (the cookbook's blocks create
# the views): the BI schema synced and read as Metabase does, the extension's
# functions called with parameters bound as Metabase binds them (see
# docs/reference.md, "From BI tools over JDBC").  Connection from PGHOST,
# PGPORT, PGUSER, PGPASSWORD: TCP to a host name (pg_virtualenv's localhost in
# `make test`, as Metabase connects), the unix socket of a socket directory
# (the clusters of sanitize.sh and check-majors.sh, which listen on no TCP port)
# through a socket factory of the program's own.
#
# The BI schema is bi when the cookbook creates it or the demo database has
# it: every relation there is asserted (COMMENTs, chartable column types).
# Without it, the report views of public are read, and their comments and
# types are printed, not asserted (report mode).  SKPI_JDBC_SCHEMA and
# SKPI_JDBC_MODE (strict | report) override both.  Ends with the program's
# "jdbc: N passed, M failed".
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
skpi_deps default-jdk-headless libpostgresql-jdbc-java || exit 1
JAR=/usr/share/java/postgresql.jar
[ -r "$JAR" ] || { echo "$JAR is missing (libpostgresql-jdbc-java)"; exit 1; }
DB=skpi_demo_jdbc
PSQL=${PSQL:-psql}
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
LOGDIR=${SKPI_LOGDIR:-/tmp}
CLASSES=$(mktemp -d "${TMPDIR:-/tmp}/skpi-jdbc.XXXXXX")
# drops the demo database only if tools/demo.sh made it (it refuses any other)
trap 'rm -rf "$CLASSES"; PSQL=$PSQL skpi_drop_marked_db "$DB" "$SKPI_DEMO_MARK" >/dev/null 2>&1 || true' EXIT
javac -Xlint:all -d "$CLASSES" -cp "$JAR" "$ROOT/test/clients/JdbcCheck.java" || {
    echo "javac failed"
    exit 1
}
SKPI_DEMO_DB=$DB bash "$ROOT/tools/demo.sh" --inner >"$LOGDIR/jdbc_demo.log" 2>&1 || {
    cat "$LOGDIR/jdbc_demo.log"
    exit 1
}
if [ -z "${SKPI_JDBC_SCHEMA:-}" ]; then
    has_bi=$("$PSQL" -X -At -d "$DB" -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'bi'")
    if [ "$has_bi" = 1 ] || grep -qiE 'create schema( if not exists)? +bi\b' "$ROOT/docs/cookbook.md"; then
        SKPI_JDBC_SCHEMA=bi
    else
        SKPI_JDBC_SCHEMA=public
        echo "# no schema bi in the cookbook or the demo database: the views of public, comments and types reported"
    fi
fi
if [ "$SKPI_JDBC_SCHEMA" = public ]; then
    mode=${SKPI_JDBC_MODE:-report} skip=(--skip-tables)     # public also holds the demo's source tables
else
    mode=${SKPI_JDBC_MODE:-strict} skip=()
fi
rc=0
java -cp "$CLASSES:$JAR" JdbcCheck "$DB" "$SKPI_JDBC_SCHEMA" "$mode" "${skip[@]}" || rc=$?
exit "$rc"

#!/usr/bin/env bash
# JDBC check of the source views (docs/sources.md) through PgJDBC, the driver
# Metabase uses: a generated month of Asterisk's queue_log, Chatwoot's and
# Zammad's tables (examples/sources/*.sql), each system's views created by its
# function, then test/clients/JdbcCheck.java in strict mode over the views a
# dashboard reads in each target schema (contact_facts, monthly_report,
# operator_monthly, cross_check): a COMMENT on every view and column, chartable
# column types only, every row read with getObject (the parameter cases need
# the demo tables: tools/checks/client_jdbc.sh runs them).
# The plumbing views (events, visits, calendars) are left out with --only.
# Ends with "jdbc sources: N passed, M failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
skpi_deps default-jdk-headless libpostgresql-jdbc-java || exit 1
JAR=/usr/share/java/postgresql.jar
PSQL=${PSQL:-psql}
DB=skpi_jdbc_sources
CLASSES=$(mktemp -d "${TMPDIR:-/tmp}/skpi-jdbc-src.XXXXXX")
trap 'rm -rf "$CLASSES"; PSQL=$PSQL skpi_drop_marked_db "$DB" "$SKPI_TEST_MARK" >/dev/null 2>&1 || true' EXIT
javac -Xlint:all -d "$CLASSES" -cp "$JAR" "$ROOT/test/clients/JdbcCheck.java" || { echo "javac failed"; exit 1; }
skpi_scratch_db "$DB" || { echo "jdbc sources: 0 passed, 1 failed"; exit 1; }
(cd "$ROOT" && "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null) <<'SQL' || { echo "jdbc sources: 0 passed, 1 failed (setup)"; exit 1; }
SET client_min_messages = warning;
CREATE EXTENSION support_kpi;
\set asterisk_calls 600
\i examples/sources/asterisk.sql
\set chatwoot_conversations 120
\i examples/sources/chatwoot.sql
\set zm_tickets 120
\i examples/sources/zammad.sql
SELECT count(*) FROM create_asterisk_views('asterisk.queue_log');
SELECT count(*) FROM create_chatwoot_views('chatwoot');
SELECT count(*) FROM create_zammad_views('zammad');
SQL
passed=0 failed=0
for schema in asterisk_kpi chatwoot_kpi zammad_kpi; do
    out=$(java -cp "$CLASSES:$JAR" JdbcCheck "$DB" "$schema" strict \
        --only=contact_facts,monthly_report,operator_monthly,cross_check --sync-only 2>&1)
    grep -E '^(FAIL|not ok)' <<<"$out"
    last=$(grep -E '^jdbc: [0-9]+ passed, [0-9]+ failed' <<<"$out" | tail -1)
    if [[ $last =~ ^jdbc:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
        passed=$((passed + BASH_REMATCH[1])) failed=$((failed + BASH_REMATCH[2]))
        echo "# $schema: $last"
    else
        echo "$out" | tail -20
        failed=$((failed + 1))
    fi
done
echo "jdbc sources: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

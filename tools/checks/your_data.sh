#!/usr/bin/env bash
# docs/your-data.md promises that the cookbook's views work on a
# contact_facts built from one's own tables: run the setup blocks of
# your-data.md in a fresh database, then the cookbook's CREATE VIEW
# bi.contacts_monthly block over it, and compare its sums with the figures
# worked out by hand in your-data.md.  Ends with "your data: N passed, M failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PSQL=${PSQL:-psql}
# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
DB=skpi_your_data
# check GOT WANT DESCRIPTION
check() { [ "$1" = "$2" ]; skpi_check $? "$3" "got '$1', want '$2'"; }
# the ```sql blocks of FILE whose first line matches PATTERN, concatenated
blocks() {
    perl -e 'my ($pat) = $ARGV[1]; open my $fh, "<", $ARGV[0] or die; my ($in, $b) = (0, "");
        while (<$fh>) { if (!$in && /^```sql\s*$/) { $in = 1; $b = ""; next }
            if ($in && /^```\s*$/) { print $b if $b =~ /$pat/; $in = 0; next } $b .= $_ if $in }' "$1" "$2"
}
skpi_scratch_db "$DB" || { echo "your data: 0 passed, 1 failed"; exit 1; }
"$PSQL" -X -q -d "$DB" -c "CREATE EXTENSION support_kpi" >/dev/null
{ blocks "$ROOT/docs/your-data.md" 'CREATE (TABLE support_log|VIEW contact_facts)'
  echo "CREATE SCHEMA bi;"
  blocks "$ROOT/docs/cookbook.md" 'CREATE VIEW bi\.contacts_monthly'; } |
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null 2>&1
check $? 0 "the cookbook's bi.contacts_monthly is created over your-data.md's contact_facts"
q() { "$PSQL" -X -At -d "$DB" -c "$1" 2>&1; }
check "$(q "SELECT sum(offered) || ' ' || sum(answered_within) || ' ' || sum(abandoned) || ' ' || sum(short_abandoned)
            FROM bi.contacts_monthly WHERE channel = 'call'")" "5 3 1 1" "calls: 5 offered, 3 within 20 s, 1 abandoned, 1 misdial"
check "$(q "SELECT round(sum(answered_within) * 100 / sum(offered), 2) FROM bi.contacts_monthly WHERE channel = 'call'")" \
    "60.00" "the line's call service level from the sums is 60 %"
check "$(q "SELECT string_agg(operator_id || '=' || sl_pct, ' ' ORDER BY operator_id) FROM bi.contacts_monthly
            WHERE channel = 'call' AND operator_id IS NOT NULL")" "anna=50.00 boris=100.00" "per-operator call service level"
check "$(q "SELECT round((sum(handle_seconds) / sum(handled))::numeric, 1) || ' ' || sum(fcr_resolved) || '/' || sum(fcr_total)
            || ' ' || sum(ratings_4_5) || '/' || sum(ratings) FROM bi.contacts_monthly")" "454.3 5/7 4/6" "AHT, FCR and CSAT parts"
check "$(q "SELECT sum(transfer_known) || ' ' || coalesce(max(transfer_pct)::text, 'null') FROM bi.contacts_monthly")" \
    "0 null" "no transfer flag recorded: no base, no transfer rate"
skpi_drop_marked_db "$DB" "$SKPI_TEST_MARK"
skpi_check_summary "your data"

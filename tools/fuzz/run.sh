#!/usr/bin/env bash
# tools/fuzz/run.sh -- `make fuzz`: a longer sqlsmith run than the one in the
# test suite, for manual use.  Builds and installs the extension into the
# PostgreSQL of PG_CONFIG, starts a throwaway cluster with its binaries
# (tools/lib.sh skpi_cluster_start: PG_CONFIG may be any build), and runs
# tools/checks/sqlsmith.sh once per seed with bigger budgets.  Ends with
# "N passed, M failed, 0 skipped"; exit status 1 on any crash.
#
# Knobs:
#   PG_CONFIG              default /usr/lib/postgresql/15/bin/pg_config
#   FUZZ_SEEDS             seeds, one run each (the parallel phase of a run uses
#                          seed + 1)                       default "101 103 105"
#   FUZZ_QUERIES           serial phase budget per seed            default 40000
#   FUZZ_PARALLEL_QUERIES  parallel phase budget per seed          default 6000
#   FUZZ_SECONDS           time limit of each phase, in seconds    default 240
#   FUZZ_LOGDIR            where the logs go        default a new /tmp directory
#   FUZZ_KEEP=1            keep the cluster and each run's query dump
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
export LC_ALL=C.UTF-8

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
SEEDS=${FUZZ_SEEDS:-101 103 105}
LOGDIR=${FUZZ_LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/skpi-fuzz.XXXXXX")}
mkdir -p "$LOGDIR"
[ "$(id -u)" = 0 ] && chmod 755 "$LOGDIR"

# shellcheck source=tools/lib.sh
. "$ROOT/tools/lib.sh"
trap 'skpi_cluster_stop "${FUZZ_KEEP:-0}"' EXIT

echo "==> build and install into $("$PG_CONFIG" --bindir)/.."
if ! make -s PG_CONFIG="$PG_CONFIG" >"$LOGDIR/build.log" 2>&1 ||
   ! make -s PG_CONFIG="$PG_CONFIG" install >>"$LOGDIR/build.log" 2>&1; then
    cat "$LOGDIR/build.log"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi
BINDIR=$("$PG_CONFIG" --bindir)
skpi_cluster_start "$BINDIR" || { echo "could not start a cluster"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

total_p=0
total_f=0
start=$(date +%s)
for seed in $SEEDS; do
    echo
    echo "==> seed $seed"
    PSQL="$BINDIR/psql" SKPI_LOGDIR="$LOGDIR/seed-$seed" SKPI_SQLSMITH_SEED="$seed" \
        SKPI_SQLSMITH_QUERIES="${FUZZ_QUERIES:-40000}" \
        SKPI_SQLSMITH_PARALLEL_QUERIES="${FUZZ_PARALLEL_QUERIES:-6000}" \
        SKPI_SQLSMITH_SECONDS="${FUZZ_SECONDS:-240}" SKPI_SQLSMITH_KEEP="${FUZZ_KEEP:-0}" \
        SKPI_SQLSMITH_DB="skpi_fuzz_$seed" \
        bash "$ROOT/tools/checks/sqlsmith.sh" | tee "$LOGDIR/seed-$seed.log"
    skpi_counts "$LOGDIR/seed-$seed.log" || PASSED=0 FAILED=1
    total_p=$((total_p + PASSED))
    total_f=$((total_f + FAILED))
done

echo
echo "==================== make fuzz ===================="
echo "seeds: $SEEDS; $(( $(date +%s) - start )) s; logs in $LOGDIR"
grep -h -E '^(queries run|sqlsmith total|extension function names)' "$LOGDIR"/seed-*.log
echo "$total_p passed, $total_f failed, 0 skipped"
[ "$total_f" = 0 ]

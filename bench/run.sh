#!/usr/bin/env bash
# bench/run.sh -- `make bench`: time every KPI against the SQL an analyst would
# write and against the floor (built-in aggregates reading the same columns),
# in one run, in a throwaway cluster.  Prints a Markdown table of timings and
# ratios (copy it into docs/benchmarks.md).
#
#   BENCH_ROWS   rows to generate (default 10000000)
#   BENCH_REPS   timed repetitions per query, the median is reported (default 5)
#   BENCH_ONLY   a regular expression on "family/kpi": run only those cases
#                (default: all), e.g. BENCH_ONLY='/median$'; 'sources/asterisk'
#                runs only bench/asterisk.sql, 'operator/agent_time' only
#                bench/agent_time.sql (BENCH_ROWS status changes); 'scale'
#                runs only bench/scale.sh, the scale run of the headline KPIs
#                (`make bench-100m`: BENCH_ROWS defaults to 100000000 there)
#   PG_CONFIG    pg_config to build against (default PostgreSQL 15)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tools/lib.sh
. tools/lib.sh
export LC_ALL=C.UTF-8

ONLY=${BENCH_ONLY:-.}
if [[ $ONLY == scale* ]]; then ROWS=${BENCH_ROWS:-100000000}; else ROWS=${BENCH_ROWS:-10000000}; fi
REPS=${BENCH_REPS:-5}
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}

# the major of Debian's pg_config path (/usr/lib/postgresql/NN/bin/pg_config)
[[ $PG_CONFIG =~ /postgresql/([0-9]+)/bin/pg_config$ ]] && major=${BASH_REMATCH[1]} || major=15
skpi_deps "postgresql-$major" "postgresql-server-dev-$major" postgresql-common "postgresql-$major-tdigest" make gcc

make PG_CONFIG="$PG_CONFIG" >/dev/null
make install PG_CONFIG="$PG_CONFIG" >/dev/null

if [[ $ONLY == scale* ]]; then
    echo "==> $("$PG_CONFIG" --version), $(nproc) cores, $ROWS rows, each query once"
else
    echo "==> $("$PG_CONFIG" --version), $(nproc) cores, $ROWS rows, median of $REPS runs"
fi
SKPI_SETTINGS+=(shared_buffers=1GB jit=off)
# bench/kpis.sql, then bench/agent_time.sql (the case operator/agent_time: 10
# million status changes per operator and day), then bench/asterisk.sql (the
# case sources/asterisk: a month of a 50-agent Asterisk line through
# create_asterisk_views) in the same cluster; BENCH_ONLY='sources/...' or
# 'operator/...' skips kpis.sql and its 10 million rows
KPIS=1
[[ $ONLY == sources/* || $ONLY == operator/* || $ONLY == scale* ]] && KPIS=0
export ROWS REPS ONLY KPIS
skpi_virtualenv "$major" bash -c '
    set -e
    if [[ $ONLY == scale* ]]; then
        exec bash bench/scale.sh
    fi
    if [ "$KPIS" = 1 ]; then
        psql -X -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -v reps="$REPS" -v only="$ONLY" -f bench/kpis.sql
    fi
    psql -X -q -v ON_ERROR_STOP=1 -v reps="$REPS" -v only="$ONLY" -v status_rows="$ROWS" -f bench/agent_time.sql
    psql -X -q -v ON_ERROR_STOP=1 -v reps="$REPS" -v only="$ONLY" -f bench/asterisk.sql'

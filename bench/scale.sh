#!/usr/bin/env bash
# bench/scale.sh -- the scale run (`make bench-100m`, run by bench/run.sh in
# its throwaway cluster): BENCH_ROWS rows (default 100 million) of the
# headline KPIs, each query once, in a fresh backend, in the default plan
# (parallel workers allowed, work_mem 4 MB): its time and temporary files
# (EXPLAIN ANALYZE) and the peak private memory of the backend and its
# parallel workers (the sum of their RssAnon in /proc/PID/status, sampled
# every 50 ms while it runs; shared buffers are not counted).  A query that
# fails (a limit of the extension) prints its error in the table.  Prints a
# Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000000}
t0=$(date +%s)
psql -X -q -At -v ON_ERROR_STOP=1 -v rows="$ROWS" -f bench/scale.sql
echo "data generated in $(( $(date +%s) - t0 )) s"

# case: family|label|query[|SQL run before it in the same session]
cases=(
    "nps|floor: sum(s)|SELECT sum(s) FROM bench_votes"
    "nps|nps(s)|SELECT nps(s) FROM bench_votes"
    "sl|floor: sum(w), count(a)|SELECT sum(w), count(a) FROM bench_votes"
    "sl|sl_pct(w, a, 20)|SELECT sl_pct(w, a, 20) FROM bench_votes"
    "sl|hand SQL: 100.0 * count(*) FILTER (WHERE a AND w <= 20) / count(*)|SELECT 100.0 * count(*) FILTER (WHERE a AND w <= 20) / count(*) FROM bench_votes"
    "aht|floor: sum(talk), sum(hold), sum(wrap)|SELECT sum(talk), sum(hold), sum(wrap) FROM bench_votes"
    "aht|aht(talk, hold, wrap)|SELECT aht(talk, hold, wrap) FROM bench_votes"
    "median|floor: sum(res)|SELECT sum(res) FROM bench_votes"
    "median|resolution_time(res) (default support_kpi.exact_max_values, 50 million)|SELECT resolution_time(res) FROM bench_votes"
    "median|resolution_time(res), exact_max_values raised to 134 217 690|SELECT resolution_time(res) FROM bench_votes|SET support_kpi.exact_max_values = 134217690"
    "median|sketch: duration_median(duration_agg(res))|SELECT duration_median(duration_agg(res)) FROM bench_votes"
    "median|percentile_cont(0.5)|SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes"
    "median|floor: sum(res) GROUP BY g (1000 groups)|SELECT g, sum(res) FROM bench_votes GROUP BY g"
    "median|resolution_time(res) GROUP BY g|SELECT g, resolution_time(res) FROM bench_votes GROUP BY g"
    "median|percentile_cont(0.5) GROUP BY g|SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes GROUP BY g"
    "timeline|floor: max(at) GROUP BY contact|SELECT count(m) FROM (SELECT c, max(at) m FROM bench_events GROUP BY c) s"
    "timeline|contact_timeline GROUP BY contact: FRT and ART|SELECT avg(first_response_time(t)), avg(avg_response_time(t)) FROM (SELECT c, contact_timeline(kind, at) t FROM bench_events GROUP BY c) s"
)

# peak_watch PIDFILE OUTFILE: the peak of the summed RssAnon (kB) of the
# backend and of its parallel workers (process title "parallel worker for PID
# N"), until the backend exits
peak_watch() {
    local pid="" peak=0 v p r
    while [ -z "$pid" ]; do pid=$(cat "$1" 2>/dev/null || true); sleep 0.05; done
    while [ -r "/proc/$pid/status" ]; do
        v=0
        # (a process that exits meanwhile has no status, or no RssAnon line)
        for p in "$pid" $(pgrep -f "parallel worker for PID $pid\$" || true); do
            r=$(awk '/^RssAnon:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
            [[ $r =~ ^[0-9]+$ ]] && v=$((v + r))
        done
        [ "$v" -gt "$peak" ] && peak=$v
        sleep 0.05
    done
    echo "$peak" > "$2"
}

echo
echo "| KPI | query | s | x floor | peak backend memory, MB | temp files, MB |"
echo "|---|---|---:|---:|---:|---:|"
tmp=$(mktemp -d)
chmod 777 "$tmp"
floor=""
for c in "${cases[@]}"; do
    IFS='|' read -r fam what q pre <<<"$c"
    rm -f "$tmp/pid" "$tmp/peak"
    peak_watch "$tmp/pid" "$tmp/peak" &
    watcher=$!
    res=$(psql -X -q -At -v ON_ERROR_STOP=1 -v q="$q" -v pre="${pre:-SELECT}" -v pidfile="$tmp/pid" <<'SQL'
SELECT pg_backend_pid() \g :pidfile
:pre;
SELECT bench.measure(:'q');
SQL
)
    wait "$watcher" || true
    [ -s "$tmp/peak" ] || echo 0 > "$tmp/peak"
    peak=$(cat "$tmp/peak")
    if [[ $res == error:* ]]; then
        printf '| %s | %s | %s | | %d | |\n' "$fam" "$what" "$res" $((peak / 1024))
        continue
    fi
    ms=${res%%|*}
    temp=${res##*|}
    if [[ $what == floor* ]]; then floor=$ms; ratio=""; else ratio=$(awk -v a="$ms" -v b="$floor" 'BEGIN { printf "%.2f", a / b }'); fi
    printf '| %s | %s | %.1f | %s | %d | %s |\n' "$fam" "$what" "$(awk -v m="$ms" 'BEGIN { print m / 1000 }')" "$ratio" $((peak / 1024)) "$temp"
done
rm -rf "$tmp"

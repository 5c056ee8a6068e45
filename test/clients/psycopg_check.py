"""Client-library check: support_kpi through psycopg 3 (libpq, extended query
protocol), the way BI tools and applications reach it.

- server-side prepared statements with parameters, executed past the point
  where PostgreSQL switches to a generic plan; results compared with plain
  SQL computed on the same rows;
- result types a BI tool charts without casts (numeric -> Decimal, double
  precision -> float, interval -> timedelta);
- every base type the extension owns, fetched in binary and sent back as a
  binary parameter (its recv function), and in text: identical values;
- hostile binary parameters (truncated, bit-flipped, random bytes): a clean
  error every time, never a lost connection.

Connection from the libpq environment (PGHOST, PGPORT, PGUSER).  Prints one
"ok"/"not ok" line per assertion and, last, "psycopg VERSION: N passed, M
failed"; exit status 0 only if nothing failed.
"""
import datetime
import decimal
import os
import random
import sys

import psycopg
from psycopg import errors
from psycopg.adapt import Dumper
from psycopg.pq import Format

DB = "skpi_client"
counts = {"pass": 0, "fail": 0}


def check(ok, what):
    counts["pass" if ok else "fail"] += 1
    print(("ok" if ok else "not ok") + " - " + what, flush=True)
    return ok


def close(a, b, tol=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(b)))


# A sample value for every base type of the extension.  A type without a
# sample fails the check, so a type added later must be added here.
SAMPLES = {
    "nps_state": "SELECT nps_agg(s) FROM generate_series(0, 10) s",
    "ces_state": "SELECT ces_agg(s % 7 + 1) FROM generate_series(0, 20) s",
    "csat_state": "SELECT csat_agg(s % 5 + 1) FROM generate_series(0, 20) s",
    "share_state": "SELECT share_agg(s % 3 = 0) FROM generate_series(0, 20) s",
    "queue_state": "SELECT queue_agg(make_interval(secs => s * 3), s % 4 <> 0, '20 s') FROM generate_series(0, 20) s",
    "handle_state": "SELECT handle_agg(make_interval(secs => 60 + s)) FROM generate_series(0, 20) s",
    "occupancy_state": "SELECT occupancy_agg(make_interval(secs => 30 + s), make_interval(secs => 60 + s)) FROM generate_series(0, 20) s",
    "duration_sketch": "SELECT duration_agg(s * 37.5) FROM generate_series(1, 2000) s",
    "duration_values": "SELECT '{\"version\":1,\"percentiles\":[0.5,0.9],\"array\":true,\"values\":[240,1200,21600,0.5]}'::duration_values",
    "contact_timeline": "SELECT contact_timeline(CASE WHEN s % 2 = 0 THEN 'customer_message' ELSE 'operator_message' END, "
                        "'2026-03-02 09:00+00'::timestamptz + s * interval '37 s') FROM generate_series(0, 60) s",
    "contact_timeline_state": "SELECT '{\"version\":1,\"events\":[[\"2026-03-02 09:00:00+00\",\"customer_message\",\"customer\",null],"
                              "[\"2026-03-02 09:01:00+00\",\"operator_message\",\"operator\",\"op7\"]]}'::contact_timeline_state",
    "business_calendar": "SELECT 'Europe/Moscow; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2026-01-01..2026-01-08'::business_calendar",
    "agent_time_state": "SELECT (agent_time(at, CASE WHEN s % 3 = 0 THEN 'call' ELSE 'ready' END, '1 hour', '2026-03-02 09:00+00', "
                        "'2026-03-02 12:00+00', 'UTC' ORDER BY at))[2] FROM (SELECT s, '2026-03-02 08:50+00'::timestamptz "
                        "+ s * interval '7 min' AS at FROM generate_series(0, 20) s) x",
    "agent_time_log_state": "SELECT '{\"version\":1,\"kind\":\"agent_time_log\",\"width_months\":0,\"width_days\":0,\"width_us\":3600000000,"
                            "\"from\":\"2026-03-02 09:00:00+00\",\"to\":\"2026-03-02 11:00:00+00\",\"time_zone\":\"UTC\",\"bucket\":0,"
                            "\"credited_to\":\"2026-03-02 09:30:00+00\",\"last_at\":\"2026-03-02 09:30:00+00\",\"done\":false,\"status\":0,"
                            "\"plan\":null,\"plan_until\":null,\"statuses\":[\"ready\"],\"times\":[[0,null,null,1800000000]]}'::agent_time_log_state",
    "concurrency_state": "SELECT (concurrency(at, at + (s % 5) * interval '11 min', '1 hour', '2026-03-02 09:00+00', "
                         "'2026-03-02 12:00+00', 'UTC' ORDER BY at))[2] FROM (SELECT s, '2026-03-02 08:50+00'::timestamptz "
                         "+ s * interval '7 min' AS at FROM generate_series(0, 20) s) x",
    "concurrency_log_state": "SELECT '{\"version\":1,\"kind\":\"concurrency_log\",\"width_months\":0,\"width_days\":0,\"width_us\":900000000,"
                             "\"from\":\"2026-03-02 10:00:00+00\",\"to\":\"2026-03-02 11:00:00+00\",\"time_zone\":\"UTC\",\"bucket\":0,"
                             "\"credited_to\":\"2026-03-02 10:10:00+00\",\"last_start\":\"2026-03-02 10:10:00+00\",\"done\":false,"
                             "\"open\":[\"2026-03-02 10:20:00+00\",\"2026-03-02 10:30:00+00\"],\"chats\":[[0,2]],"
                             "\"levels\":[[0,1,600000000]]}'::concurrency_log_state",
}


class Raw:
    """Bytes to send as a binary parameter of a given type."""

    def __init__(self, data):
        self.data = data


def binary_dumper(oid):
    class D(Dumper):
        format = Format.BINARY

        def __init__(self, cls, context=None):
            super().__init__(cls, context)
            self.oid = oid

        def dump(self, obj):
            return obj.data

    return D


def main():
    with psycopg.connect(dbname="postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DB}")
    try:
        run()
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        print(f"psycopg {psycopg.__version__}: {counts['pass']} passed, {counts['fail']} failed")
    return 0 if counts["fail"] == 0 else 1


def run():
    conn = psycopg.connect(dbname=DB, autocommit=True)
    conn.execute("SET client_min_messages = warning")
    conn.execute("CREATE EXTENSION support_kpi")
    conn.execute("""
        CREATE TABLE contacts AS
        SELECT s % 7 AS team, (s * 7919 % 300)::float8 AS wait, s % 11 <> 0 AS answered,
               make_interval(secs => 60 + s * 37 % 900) AS handle, s * 13 % 11 AS nps_answer,
               timestamptz '2026-01-01 00:00+00' + s * interval '1 hour' AS opened_at,
               timestamptz '2026-01-01 00:00+00' + s * interval '1 hour'
                   + make_interval(secs => s * 7907 % 86400) AS resolved_at
        FROM generate_series(1, 5000) s""")

    # 1. one prepared statement, parameters varying, 8 executions: past the
    #    fifth PostgreSQL may plan it generically ($1 unknown at plan time)
    kpi_sql = """
        SELECT team, sl_pct(wait, answered, %s::float8) AS sl, nps(nps_answer) AS nps,
               aht(handle) AS aht, resolution_time(opened_at, resolved_at, %s::float8) AS p
        FROM contacts WHERE team = ANY(%s) GROUP BY team ORDER BY team"""
    plain_sql = """
        SELECT team,
               100.0 * count(*) FILTER (WHERE answered AND wait <= %s::float8) / count(*) AS sl,
               100.0 * (count(*) FILTER (WHERE nps_answer >= 9) - count(*) FILTER (WHERE nps_answer <= 6))
                   / count(nps_answer) AS nps,
               extract(epoch FROM avg(handle))::float8 AS aht,
               percentile_cont(%s::float8) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - opened_at)::float8) AS p
        FROM contacts WHERE team = ANY(%s) GROUP BY team ORDER BY team"""
    generic_seen = False
    all_equal = True
    typed = True
    # then again with generic plans forced: the parameters reach our
    # functions only at execution time
    for i in list(range(8)) + ["generic"] + list(range(8)):
        if i == "generic":
            conn.execute("SET plan_cache_mode = force_generic_plan")
            continue
        threshold = float(10 + i * 30)
        pct = [0.5, 0.9, 0.1, 0.99, 0.25, 0.75, 0.0, 1.0][i]
        teams = list(range(0, 7 - i % 3))
        got = conn.execute(kpi_sql, (threshold, pct, teams), prepare=True).fetchall()
        want = conn.execute(plain_sql, (threshold, pct, teams)).fetchall()
        if len(got) != len(want):
            all_equal = False
        for g, w in zip(got, want):
            typed &= isinstance(g[1], decimal.Decimal) and isinstance(g[2], decimal.Decimal) \
                and isinstance(g[3], float) and isinstance(g[4], float)
            if not (g[0] == w[0] and close(g[1], w[1], 1e-12) and close(g[2], w[2], 1e-12)
                    and close(g[3], w[3], 1e-9) and close(g[4], w[4], 1e-12)):
                all_equal = False
                print(f"# execution {i}: {g} != {w}")
        plan = conn.execute("SELECT generic_plans FROM pg_prepared_statements "
                            "WHERE statement LIKE '%%sl_pct(wait, answered, $1%%'").fetchone()
        generic_seen |= bool(plan and plan[0] > 0)
    conn.execute("RESET plan_cache_mode")
    check(all_equal, "prepared KPI query, 16 executions with varying parameters = plain SQL")
    check(generic_seen, "generic plans were used (parameters known only at execution)")
    check(typed, "numeric rates arrive as Decimal, seconds as float")
    check(conn.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%%sl_pct(wait%%' "
                       "AND NOT from_sql").fetchone()[0] >= 1,
          "the statement is a server-side prepared statement (protocol-level Parse)")

    # 2. a view as a BI tool sees it: plain column types
    conn.execute("""
        CREATE VIEW team_report AS
        SELECT team::text AS team, date_trunc('day', opened_at)::date AS day,
               sl_pct(wait, answered, 20.0) AS sl_pct, aht(handle) AS aht_seconds,
               make_interval(secs => aht(handle)) AS aht_interval,
               resolution_time(opened_at, resolved_at) AS resolution_median_seconds
        FROM contacts GROUP BY 1, 2""")
    cur = conn.execute("SELECT * FROM team_report WHERE day = %s ORDER BY team", (datetime.date(2026, 1, 3),),
                       prepare=True)
    rows = cur.fetchall()
    types = [d.type_code for d in cur.description]
    names = [d.name for d in cur.description]
    oid = {n: conn.execute("SELECT %s::regtype::oid", (n,)).fetchone()[0]
           for n in ("text", "date", "numeric", "float8", "interval")}
    check(types == [oid["text"], oid["date"], oid["numeric"], oid["float8"], oid["interval"], oid["float8"]]
          and names == ["team", "day", "sl_pct", "aht_seconds", "aht_interval", "resolution_median_seconds"],
          "view columns are text, date, numeric, double precision, interval")
    check(len(rows) == 7 and all(isinstance(r[4], datetime.timedelta)
                                 and abs(r[4].total_seconds() - r[3]) < 1e-6 for r in rows),
          "interval column reads as timedelta equal to the seconds column")

    # 3. every base type: binary out, binary in as a parameter, text in
    types = conn.execute("""
        SELECT t.typname, t.oid FROM pg_type t
        JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid
        JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
        WHERE e.extname = 'support_kpi' AND d.deptype = 'e' AND t.typtype = 'b'
          AND NOT EXISTS (SELECT FROM pg_type el WHERE el.typarray = t.oid)
        ORDER BY 1""").fetchall()
    check(len(types) >= 12, f"{len(types)} base types found")
    rng = random.Random(20261123)
    hostile_total = 0
    hostile_bad = []
    short_reads = {}
    for name, toid in types:
        if name not in SAMPLES:
            check(False, f"{name}: no sample value in test/clients/psycopg_check.py")
            continue
        text_value = conn.execute(f"SELECT ({SAMPLES[name]})::text").fetchone()[0]
        bcur = conn.cursor(binary=True)
        binary_value = bcur.execute(SAMPLES[name]).fetchone()[0]
        bcur.adapters.register_dumper(Raw, binary_dumper(toid))
        back = bcur.execute("SELECT %s::text", (Raw(binary_value),)).fetchone()[0]
        check(back == text_value and isinstance(binary_value, bytes),
              f"{name}: binary result sent back as a binary parameter reads the same")
        again = bcur.execute(f"SELECT %s::text::{name}", (text_value,)).fetchone()[0]
        check(again == binary_value, f"{name}: text parameter gives the same binary form")

        # hostile binary parameters: truncations, bit flips, random bytes
        data = bytes(binary_value)
        candidates = [data[:n] for n in range(0, len(data), max(1, len(data) // 40))]
        candidates += [data + b"\x00", data + bytes(rng.randrange(256) for _ in range(9))]
        for _ in range(60):
            flipped = bytearray(data)
            pos = rng.randrange(len(flipped) * 8)
            flipped[pos // 8] ^= 1 << (pos % 8)
            candidates.append(bytes(flipped))
        for _ in range(20):
            candidates.append(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64))))
        for c in candidates:
            hostile_total += 1
            try:
                with conn.transaction():
                    out = bcur.execute("SELECT %s::text", (Raw(c),)).fetchone()[0]
                # accepted: the value must read back to the same bytes
                reread = bcur.execute(f"SELECT %s::{name}", (out,)).fetchone()[0]
                if bytes(reread) != bytes(bcur.execute("SELECT %s", (Raw(c),)).fetchone()[0]):
                    hostile_bad.append(f"{name}: accepted {c.hex()} does not round-trip")
            except psycopg.Error as e:
                state = e.sqlstate or ""
                if conn.closed:
                    hostile_bad.append(f"{name}: connection lost on {c.hex()}: {e}")
                    conn = psycopg.connect(dbname=DB, autocommit=True)
                    bcur = conn.cursor(binary=True)
                    bcur.adapters.register_dumper(Raw, binary_dumper(toid))
                elif state == "08P01":
                    # "insufficient data left in message": PostgreSQL's own
                    # message reader, as for built-in types' recv
                    short_reads[name] = short_reads.get(name, 0) + 1
                elif not (state.startswith("22") or state in ("54000",)):
                    hostile_bad.append(f"{name}: SQLSTATE {state} on {c.hex()}: {e}")
    print(f"# 08P01 (read past the end of the value) by type: {short_reads}")
    for b in hostile_bad[:20]:
        print("# " + b)
    check(not hostile_bad, f"{hostile_total} hostile binary parameters: clean 22xxx errors or exact round trips")
    check(conn.execute("SELECT 1").fetchone()[0] == 1 and not conn.closed,
          "the connection survived")
    conn.close()


if __name__ == "__main__":
    sys.exit(main())

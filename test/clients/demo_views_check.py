"""BI check of the cookbook's report views (docs/cookbook.md, loaded by
tools/demo.sh --inner into database argv[2]): through psycopg 3 over the
network protocol, the way Metabase's driver reaches them.

- every column of every report view has a type a BI tool charts without a
  cast (date, timestamptz, text, integers, numeric, double precision,
  boolean, interval) and arrives as the matching Python type;
- server-side prepared statements with a parameter (month, team), executed
  past the switch to a generic plan, give the same rows as plain SQL;
- the views read the same in binary and in text result format;
- the views give the same rows whatever the session's TimeZone (BI tools
  set their report time zone on the connection).

Connection from the libpq environment.  Prints one "ok"/"not ok" line per
assertion and, last, "demo views: N passed, M failed"; exit status 0 only if
nothing failed.  Argument: the database.
"""
import datetime
import decimal
import sys

import psycopg
from psycopg.pq import Format

VIEWS = ["kpi_monthly", "operator_scorecard", "sla_monthly", "segment_monthly",
         "training_effect", "kpi_quarterly", "team_quarterly"]
ALLOWED = {
    "date": datetime.date, "timestamp with time zone": datetime.datetime, "text": str,
    "bigint": int, "integer": int, "numeric": decimal.Decimal, "double precision": float,
    "boolean": bool, "interval": datetime.timedelta,
}
# counts are bigint in every view (sum(bigint) would give numeric)
COUNTS = {"contacts", "chats", "calls", "emails", "handled", "handled_change", "offered", "operators",
          "n_before", "n_after"}
counts = {"pass": 0, "fail": 0}


def check(ok, what):
    counts["pass" if ok else "fail"] += 1
    print(("ok" if ok else "not ok") + " - " + what, flush=True)
    return ok


def main():
    db = sys.argv[1]
    with psycopg.connect(dbname=db, autocommit=True) as conn:
        for view in VIEWS:
            cols = conn.execute(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                (view,), prepare=True).fetchall()
            bad = [f"{c} {t}" for c, t in cols if t not in ALLOWED
                   or (c in COUNTS and t != "bigint")]
            check(cols and not bad, f"{view}: {len(cols)} columns of BI types" + (f" (not: {bad})" if bad else ""))
            rows = conn.execute(f"SELECT * FROM {view}").fetchall()
            wrong = set()
            for row in rows:
                for (name, typ), v in zip(cols, row):
                    if v is not None and not isinstance(v, ALLOWED[typ]):
                        wrong.add(f"{name}: {type(v).__name__}")
            check(rows and not wrong, f"{view}: {len(rows)} rows of the expected Python types" +
                  (f" (wrong: {sorted(wrong)})" if wrong else ""))
            with conn.cursor(binary=True) as cur:
                brows = cur.execute(f"SELECT * FROM {view}").fetchall()
            check(sorted(map(repr, brows)) == sorted(map(repr, rows)), f"{view}: binary results equal text results")
            for tz in ("America/St_Johns", "Pacific/Kiritimati"):
                conn.execute(f"SET TimeZone = '{tz}'")
                zrows = conn.execute(f"SELECT * FROM {view}").fetchall()
                conn.execute("RESET TimeZone")
                check(sorted(map(repr, zrows)) == sorted(map(repr, rows)), f"{view}: the same rows in TimeZone {tz}")

        months = [r[0] for r in conn.execute("SELECT month FROM kpi_monthly ORDER BY month")]
        plain = {r[0]: r[1:] for r in conn.execute(
            "SELECT month, sl_pct, avg_rating, frt_seconds, aht_interval, avg_rating_met FROM kpi_monthly")}
        same = True
        for _ in range(2):      # 24 executions: past the switch to a generic plan
            for m in months:
                r = conn.execute("SELECT sl_pct, avg_rating, frt_seconds, aht_interval, avg_rating_met "
                                 "FROM kpi_monthly WHERE month = %s", (m,), prepare=True).fetchone()
                same = same and r == plain[m]
        check(len(months) == 12 and same, "kpi_monthly by month: prepared statements (generic plan) = plain SQL")
        plan = conn.execute("SELECT generic_plans FROM pg_prepared_statements "
                            "WHERE statement LIKE '%FROM kpi_monthly WHERE month = $1%'").fetchone()
        check(plan is not None and plan[0] > 0, "the prepared statement ran with a generic plan")

        q = ("SELECT operator_id, handled, aht_seconds, team_aht_seconds, csat_pct FROM operator_scorecard "
             "WHERE grain = 'month' AND period = %s AND team = %s ORDER BY operator_id")
        same = True
        for m in months[6:9]:
            for team in ("general", "partners", "pharmacists"):
                a = conn.execute(q, (m, team), prepare=True).fetchall()
                b = conn.execute(q.replace("%s", "'" + m.isoformat() + "'", 1).replace("%s", "'" + team + "'"),
                                 prepare=False).fetchall()
                same = same and a == b and len(a) > 0
        check(same, "operator_scorecard by month and team: prepared = plain")
    print(f"demo views: {counts['pass']} passed, {counts['fail']} failed")
    return 0 if counts["fail"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

"""BI check of the cookbook's report views (docs/cookbook.md, loaded by
tools/demo.sh --inner into database argv[2]): through psycopg 3 over the
network protocol, the way Metabase's driver reaches them.

- every relation of the schema bi (the views BI tools read) is found, and
  each of its columns has a type a BI tool charts without a cast (date,
  timestamptz, text, integers, numeric, double precision, boolean) and
  arrives as the matching Python type; a column the glossary (bi.glossary)
  calls a count is a bigint;
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

ALLOWED = {
    "date": datetime.date, "timestamp with time zone": datetime.datetime, "text": str,
    "bigint": int, "integer": int, "numeric": decimal.Decimal, "double precision": float,
    "boolean": bool,
}
counts = {"pass": 0, "fail": 0}


def check(ok, what):
    counts["pass" if ok else "fail"] += 1
    print(("ok" if ok else "not ok") + " - " + what, flush=True)
    return ok


def main():
    db = sys.argv[1]
    with psycopg.connect(dbname=db, autocommit=True) as conn:
        views = [r[0] for r in conn.execute(
            "SELECT c.oid::regclass::text FROM pg_class c WHERE c.relnamespace = 'bi'::regnamespace "
            "AND c.relkind IN ('v', 'm', 'r') ORDER BY 1")]
        check(len(views) >= 11 and "bi.kpi_monthly" in views and "bi.contacts_monthly" in views,
              f"schema bi holds the report views ({len(views)})")
        # counts are bigint in every view (sum(bigint) would give numeric)
        counts_cols = {r[0] for r in conn.execute("SELECT column_name FROM bi.glossary WHERE unit = 'count'")}
        for view in views:
            cols = conn.execute(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                (view,), prepare=True).fetchall()
            bad = [f"{c} {t}" for c, t in cols if t not in ALLOWED
                   or (c in counts_cols and t != "bigint")]
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

        months = [r[0] for r in conn.execute("SELECT month FROM bi.kpi_monthly ORDER BY month")]
        plain = {r[0]: r[1:] for r in conn.execute(
            "SELECT month, sl_pct, avg_rating, chat_frt_seconds, aht_seconds, avg_rating_met FROM bi.kpi_monthly")}
        same = True
        for _ in range(2):      # 24 executions: past the switch to a generic plan
            for m in months:
                r = conn.execute("SELECT sl_pct, avg_rating, chat_frt_seconds, aht_seconds, avg_rating_met "
                                 "FROM bi.kpi_monthly WHERE month = %s", (m,), prepare=True).fetchone()
                same = same and r == plain[m]
        check(len(months) == 12 and same, "bi.kpi_monthly by month: prepared statements (generic plan) = plain SQL")
        plan = conn.execute("SELECT generic_plans FROM pg_prepared_statements "
                            "WHERE statement LIKE '%FROM bi.kpi_monthly WHERE month = $1%'").fetchone()
        check(plan is not None and plan[0] > 0, "the prepared statement ran with a generic plan")

        q = ("SELECT operator_id, handled, aht_seconds, team_aht_seconds, csat_pct FROM bi.operator_scorecard "
             "WHERE grain = 'month' AND period = %s AND team = %s ORDER BY operator_id")
        same = True
        for m in months[6:9]:
            for team in ("general", "partners", "pharmacists"):
                a = conn.execute(q, (m, team), prepare=True).fetchall()
                b = conn.execute(q.replace("%s", "'" + m.isoformat() + "'", 1).replace("%s", "'" + team + "'"),
                                 prepare=False).fetchall()
                same = same and a == b and len(a) > 0
        check(same, "bi.operator_scorecard by month and team: prepared = plain")
    print(f"demo views: {counts['pass']} passed, {counts['fail']} failed")
    return 0 if counts["fail"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

// Data loader of every data/NAME.json the pages read: runs queries/NAME.sql
// against the demo database (libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD and
// PGDATABASE) and prints the rows as JSON.  Fails (and with it the build) when
// the query fails, returns no row, or returns other columns than its
// "-- columns:" header names: that header is what tools/checks/dashboard_queries.sh
// asserts, column types included, in `make test`.
import {readFileSync} from "node:fs";
import {parseArgs} from "node:util";
import pg from "pg";

const {values: {query}} = parseArgs({options: {query: {type: "string"}}});
if (!/^[a-z_]+$/.test(query ?? "")) throw new Error(`bad query name: ${query}`);
const sql = readFileSync(new URL(`../../queries/${query}.sql`, import.meta.url), "utf-8");
const expected = sql
  .split("\n")
  .filter((l) => l.startsWith("-- columns:"))
  .flatMap((l) => l.slice("-- columns:".length).split(","))
  .map((c) => c.trim().split(/\s+/)[0])
  .filter(Boolean);

// JSON-friendly values: bigint and numeric as numbers (the figures are far
// below 2^53 and rounded in the views), date as its ISO text (no time zone shift)
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
pg.types.setTypeParser(pg.types.builtins.DATE, String);

const client = new pg.Client({application_name: `skpi dashboard ${query}`});
await client.connect();
try {
  const result = await client.query(sql);
  const names = result.fields.map((f) => f.name);
  if (names.join(",") !== expected.join(","))
    throw new Error(`queries/${query}.sql: columns ${names.join(", ")}; its header says ${expected.join(", ")}`);
  if (result.rows.length === 0) throw new Error(`queries/${query}.sql returned no row`);
  process.stdout.write(JSON.stringify(result.rows));
} finally {
  await client.end();
}

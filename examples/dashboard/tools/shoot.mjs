// Serves the built dashboard (dist/) on a loopback port, opens every page in
// headless Chromium (Debian's, driven by playwright-core), checks it and
// writes a full-page PNG per page.  A page fails on: a console error, an
// uncaught exception, a failed or non-local request (the site must load
// nothing from the network), an error shown in the page (a failed cell, a
// chart without data), a chart with no mark drawn, fewer charts than the page
// is known to draw, "NaN" / "undefined" / "Invalid Date" in the text, an empty
// big number.  Every option of every menu (<select>) is chosen once and the
// page checked again.  Ends with "dashboard: N passed, M failed" (pages).
//
//   node tools/shoot.mjs [--dist DIR] [--out DIR] [--port N] [--serve]
// SKPI_CHROMIUM: the browser (default /usr/bin/chromium).  --serve keeps the
// site served after the checks, until interrupted.
import {createServer} from "node:http";
import {mkdirSync, readFileSync, statSync} from "node:fs";
import {extname, join, normalize, resolve} from "node:path";
import {parseArgs} from "node:util";
import {chromium} from "playwright-core";
import config from "../observablehq.config.js";

const {values: opts} = parseArgs({
  options: {
    dist: {type: "string", default: "dist"},
    out: {type: "string", default: "screenshots"},
    port: {type: "string", default: "0"},
    serve: {type: "boolean", default: false}
  }
});
const dist = resolve(opts.dist);
const out = resolve(opts.out);

// the pages, their screenshot names and the charts each draws at least (its
// default view); the order of observablehq.config.js
const pages = [
  {path: "/", name: "monthly", charts: 9},
  {path: "/operators.html", name: "operators", charts: 6},
  {path: "/sla.html", name: "sla", charts: 2},
  {path: "/training.html", name: "training", charts: 7},
  {path: "/quarters.html", name: "quarters", charts: 12}
];

// a page of the site the table above does not know (or the other way round)
// would go unchecked
const known = new Set(pages.map((p) => (p.path === "/" ? "/" : p.path.replace(/\.html$/, ""))));
const configured = new Set(config.pages.map((p) => p.path));
for (const path of new Set([...known, ...configured]))
  if (!known.has(path) || !configured.has(path)) {
    console.log(`not ok - page ${path}: in ${known.has(path) ? "tools/shoot.mjs" : "observablehq.config.js"} only`);
    console.log("dashboard: 0 passed, 1 failed");
    process.exit(1);
  }

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".csv": "text/csv", ".map": "application/json"
};
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(dist, path));
  let ok = file.startsWith(dist + "/");
  try {
    ok = ok && statSync(file).isFile();
  } catch {
    ok = false;
  }
  if (!ok) {
    res.writeHead(404, {"content-type": "text/plain"}).end("not found");
    return;
  }
  res.writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"}).end(readFileSync(file));
});
await new Promise((ok) => server.listen(Number(opts.port), "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
console.log(`serving ${dist} on ${origin}/`);

mkdirSync(out, {recursive: true});
const browser = await chromium.launch({executablePath: process.env.SKPI_CHROMIUM || "/usr/bin/chromium"});
console.log(`browser: Chromium ${browser.version()}`);

// in the page: what is wrong with it now, and what it draws
function inspect(minCharts) {
  const problems = [];
  for (const e of document.querySelectorAll(".observablehq--error"))
    problems.push(`error shown in the page: ${e.textContent.trim().slice(0, 200)}`);
  const charts = [...document.querySelectorAll(".skpi-chart")];
  let marks = 0;
  for (const c of charts) {
    const rows = Number(c.dataset.rows);
    // Plot's marks are <g aria-label="bar|dot|tick|rule|cell|text|..."> groups; axes, grids and frames are not data
    const n = [...c.querySelectorAll("svg g[aria-label]")]
      .filter((g) => !/axis|grid|frame/.test(g.getAttribute("aria-label")))
      .reduce((s, g) => s + g.querySelectorAll("rect, circle, path, line, text, image").length, 0);
    marks += n;
    if (!(rows > 0)) problems.push(`chart ${c.dataset.chart}: no data rows`);
    if (n === 0) problems.push(`chart ${c.dataset.chart}: nothing drawn`);
  }
  if (charts.length < minCharts) problems.push(`${charts.length} charts, expected at least ${minCharts}`);
  for (const b of document.querySelectorAll(".skpi-big .big"))
    if (!/\d/.test(b.textContent)) problems.push(`empty big number: "${b.textContent.trim()}"`);
  const text = document.querySelector("main")?.innerText ?? "";
  for (const bad of ["NaN", "undefined", "Invalid Date"])
    if (new RegExp(`\\b${bad}\\b`).test(text)) problems.push(`"${bad}" in the page`);
  return {problems, charts: charts.length, marks};
}

// wait until the page has its charts and their count stays the same
async function settle(page, minCharts) {
  const t0 = Date.now();
  let last = -1;
  let stable = 0;
  while (Date.now() - t0 < 30000) {
    const n = await page.evaluate(() => document.querySelectorAll(".skpi-chart, .observablehq--error").length);
    const running = await page.evaluate(() => document.querySelectorAll(".observablehq--running, observablehq-loading").length);
    stable = n === last && n >= Math.min(minCharts, 1) && running === 0 ? stable + 1 : 0;
    if (stable >= 3) return;
    last = n;
    await page.waitForTimeout(200);
  }
}

let passed = 0;
let failed = 0;
for (const p of pages) {
  const t0 = Date.now();
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, deviceScaleFactor: 1, colorScheme: "light"});
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (r.url().startsWith(origin)) problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // nothing leaves the machine: a request elsewhere is refused and reported
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.push(`request to the network: ${url}`);
    return route.abort();
  });
  await page.goto(origin + p.path, {waitUntil: "networkidle"});
  await settle(page, p.charts);
  const first = await page.evaluate(inspect, p.charts);
  problems.push(...first.problems);
  const png = join(out, `${p.name}.png`);
  await page.screenshot({path: png, fullPage: true});
  // every option of every menu, then the page is checked again
  const selects = await page.locator("main select").count();
  let views = 1;
  for (let s = 0; s < selects; s++) {
    const select = page.locator("main select").nth(s);
    const values = await select.evaluate((e) => [...e.options].map((o) => o.value));
    for (const [i, v] of values.entries()) {
      await select.selectOption(v);
      await settle(page, 1);
      const r = await page.evaluate(inspect, 0);
      problems.push(...r.problems.map((x) => `menu ${s + 1} option ${i + 1}: ${x}`));
      // the page follows the menu: a heading names the chosen option
      const shown = await select.evaluate((e) => {
        const label = e.options[e.selectedIndex].text.trim();
        return [...document.querySelectorAll("main h2")].some((h) => h.textContent.includes(label)) ? "" : label;
      });
      if (shown) problems.push(`menu ${s + 1} option ${i + 1}: no heading shows "${shown}"`);
      views++;
    }
  }
  await context.close();
  const ms = Date.now() - t0;
  if (problems.length === 0) {
    passed++;
    console.log(`ok - ${p.name} (${p.path}): ${first.charts} charts, ${first.marks} marks, ${views} views, 0 console errors, ${ms} ms -> ${png}`);
  } else {
    failed++;
    console.log(`not ok - ${p.name} (${p.path}): ${problems.length} problems, ${ms} ms -> ${png}`);
    for (const x of [...new Set(problems)].slice(0, 20)) console.log(`    ${x}`);
  }
}
await browser.close();
if (opts.serve) {
  console.log(`the dashboard stays served on ${origin}/ (Ctrl-C ends it)`);
  // Ctrl-C ends the serving, not the verdict: the exit status says whether every page passed
  process.on("SIGINT", () => { server.close(); process.exit(failed === 0 ? 0 : 1); });
} else {
  server.close();
}
console.log(`dashboard: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

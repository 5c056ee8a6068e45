// What the pages share: dates, formats, the chart wrapper the browser check
// looks for, month bars with targets, big numbers.  Plot and htl come from
// node_modules (see observablehq.config.js).
import * as Plot from "@observablehq/plot";
import {html} from "htl";

export const colors = {on: "#2e7d32", off: "#c62828", none: "#4269d0", team: "#888888"};

// "2026-07-01" (a date of the views, as the loader prints it) -> Date at UTC midnight
export function withDates(rows, ...keys) {
  return rows.map((d) => {
    const r = {...d};
    for (const k of keys) r[k] = new Date(`${d[k]}T00:00:00Z`);
    return r;
  });
}

export const fmtMonth = (d) => d.toLocaleString("en", {month: "short", year: "numeric", timeZone: "UTC"});
export const fmtMonthShort = (d) => d.toLocaleString("en", {month: "short", timeZone: "UTC"});
export const fmtQuarter = (d) => `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
export const sameDay = (a, b) => a.getTime() === b.getTime();

export function fmtNumber(v, digits = 0) {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  return v.toLocaleString("en", {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

// a chart the browser check can count: data-rows is the number of rows it
// draws; no row is an error shown in the page (and a failed check)
// A chart of rows: `values` names the column(s) it draws; the chart throws
// (an error shown in the page, which make dashboard fails on) when there are
// no rows or no row has a finite number in any of them, so a misspelt or
// all-NULL column cannot give an empty chart that still draws its axes and
// constant rules
export function chart(name, rows, options, caption, values) {
  if (!rows || rows.length === 0) throw new Error(`chart "${name}" has no data`);
  const cols = [values].flat();
  if (!values || cols.length === 0) throw new Error(`chart "${name}": name the column(s) it draws`);
  if (!rows.some((d) => cols.some((c) => Number.isFinite(d[c]))))
    throw new Error(`chart "${name}": no value in ${cols.join(", ")}`);
  return html`<div class="skpi-chart" data-chart=${name} data-rows=${rows.length}>${
    caption ? html`<div class="skpi-caption">${caption}</div>` : null
  }${Plot.plot(options)}</div>`;
}

// What a met flag of the views says, in the words of a target or of the
// volume forecast: `on` where the flag is true, `off` where false, `none`
// where the target is NULL; `goal` writes the target (with the direction).
export const targetStatus = {
  name: "target",
  on: "on target",
  off: "off target",
  none: "no target",
  goal: (target, higherIsBetter) => `${higherIsBetter === false ? "≤" : "≥"} ${target}`
};
export const planStatus = {
  name: "plan",
  on: "within ±10 % of plan",
  off: "off plan by over 10 %",
  none: "no plan",
  goal: (target) => `${target}`
};
const isSet = (v) => v !== null && v !== undefined;
const statusOf = (flag, status) => (flag === true ? status.on : flag === false ? status.off : status.none);

// One bar per month of a bi.kpi_monthly column.  `met` names the view's flag
// (a *_met or *_within_plan column): bars are green where it is true, red where
// false, blue where NULL (a month without a target).  `target` names the
// target's column (or the forecast's): a dashed tick on every month that has
// one.  The selected month is outlined.  Narrow charts name the months by
// their first letter.
export function monthBars(rows, {y, label, met, target, selected, width, y1 = 0, domain, digits = 0, unit = "",
                                 higherIsBetter, status = targetStatus}) {
  const fill = (d) => statusOf(d[met], status);
  const fmt = (v) => `${fmtNumber(v, digits)}${unit}`;
  const title = (d) =>
    `${fmtMonth(d.month)}: ${fmt(d[y])}\n` +
    (isSet(d[target]) ? `${status.name} ${status.goal(fmt(d[target]), higherIsBetter)}: ${fill(d)}` : status.none);
  const targets = [...new Set(rows.map((d) => d[target]).filter(isSet))];
  const unset = rows.filter((d) => !isSet(d[target])).length;
  const marks = [
    Plot.barY(rows, {x: "month", y1, y2: y, fill, tip: true, title}),
    Plot.barY(rows.filter((d) => selected && sameDay(d.month, selected)), {
      x: "month", y1, y2: y, fill: "none", stroke: "currentColor", strokeWidth: 2
    }),
    Plot.ruleY([y1])
  ];
  // a month whose target is NULL has no tick (Plot leaves out a mark without its y)
  if (target) marks.push(Plot.tickY(rows, {x: "month", y: target, stroke: "currentColor", strokeWidth: 2, strokeDasharray: "4,3"}));
  let caption;
  if (targets.length === 0) caption = `${status.none} in the view for these months`;
  else if (targets.length === 1) caption = `dashed line: the ${status.name}, ${status.goal(fmt(targets[0]), higherIsBetter)}`;
  else caption = `dashed line: each month's ${status.name}`;
  if (targets.length > 0 && unset > 0) caption += ` (${status.none} for ${unset} of ${rows.length} months)`;
  const present = [status.on, status.off, status.none].filter((s) => rows.some((d) => fill(d) === s));
  return chart(y, rows, {
    width,
    height: 220,
    marginLeft: 48,
    x: {type: "band", label: null, tickFormat: width < 360 ? (d) => fmtMonthShort(d)[0] : fmtMonthShort, padding: 0.15},
    y: {label, grid: true, domain},
    color: {domain: present, range: present.map((s) => (s === status.on ? colors.on : s === status.off ? colors.off : colors.none)), legend: true},
    marks
  }, caption, y);
}

// a big number: value of the month, its change against the previous month
// (green when better, red when worse), and whether it meets its target (the
// view's flag) or, without one, that there is none
export function bigNumber({title, value, previous, unit = "", digits = 0, higherIsBetter, target, met, status = targetStatus}) {
  let change = "";
  if (isSet(previous) && isSet(value)) {
    // the change of the figures as shown (rounded first: 86.49 - 86.34 is 0.15, not 0.1499...);
    // a percentage changes by points, not by %
    const scale = 10 ** (digits + 1);
    const delta = Math.round((value - previous) * scale) / scale;
    const better = higherIsBetter === undefined || delta === 0 ? null : (delta > 0) === higherIsBetter;
    const color = better === null ? "var(--theme-foreground-muted)" : better ? colors.on : colors.off;
    const deltaUnit = unit.trim() === "%" ? " points" : unit;
    change = html`<span style="color: ${color}">${delta > 0 ? "▲" : delta < 0 ? "▼" : "="} ${fmtNumber(Math.abs(delta), digits + (unit.trim() === "%" ? 1 : 0))}${deltaUnit} vs previous month</span>`;
  }
  const goal = isSet(target) ? status.goal(`${fmtNumber(target, digits)}${unit}`, higherIsBetter) : null;
  const verdict =
    goal === null
      ? html`<span class="muted">${status.none}</span>`
      : !isSet(met)
        ? html`<span class="muted">${status.name} ${goal}, no figure</span>`
        : html`<span style="color: ${met ? colors.on : colors.off}">${met ? status.on : status.off} (${goal})</span>`;
  return html`<div class="card skpi-big">
    <h2>${title}</h2>
    <span class="big">${fmtNumber(value, digits)}${unit}</span>
    <div>${change}</div>
    <div>${verdict}</div>
  </div>`;
}

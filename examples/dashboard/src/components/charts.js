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
export function chart(name, rows, options, caption) {
  if (!rows || rows.length === 0) throw new Error(`chart "${name}" has no data`);
  return html`<div class="skpi-chart" data-chart=${name} data-rows=${rows.length}>${
    caption ? html`<div class="skpi-caption">${caption}</div>` : null
  }${Plot.plot(options)}</div>`;
}

// One bar per month of a bi.kpi_monthly column.  With `met` (a boolean column)
// bars are green on target and red off it, and `target` (a column) is drawn as
// a dashed tick on every month; without, bars are neutral.  The selected month
// is outlined.  Narrow charts name the months by their first letter.
export function monthBars(rows, {y, label, met, target, selected, width, y1 = 0, domain, digits = 0, unit = ""}) {
  const fill = met ? (d) => (d[met] ? "on target" : "off target") : () => "no target in the views";
  const marks = [
    Plot.barY(rows, {x: "month", y1, y2: y, fill, tip: true, title: (d) => `${fmtMonth(d.month)}: ${fmtNumber(d[y], digits)}${unit}`}),
    Plot.barY(rows.filter((d) => selected && sameDay(d.month, selected)), {
      x: "month", y1, y2: y, fill: "none", stroke: "currentColor", strokeWidth: 2
    }),
    Plot.ruleY([y1])
  ];
  let caption = null;
  if (target) {
    marks.push(Plot.tickY(rows, {x: "month", y: target, stroke: "currentColor", strokeWidth: 2, strokeDasharray: "4,3"}));
    caption = `dashed line: the target, ${fmtNumber(rows.at(-1)[target], digits)}${unit}`;
  }
  return chart(y, rows, {
    width,
    height: 220,
    marginLeft: 48,
    x: {type: "band", label: null, tickFormat: width < 360 ? (d) => fmtMonthShort(d)[0] : fmtMonthShort, padding: 0.15},
    y: {label, grid: true, domain},
    color: met
      ? {domain: ["on target", "off target"], range: [colors.on, colors.off], legend: true}
      : {domain: ["no target in the views"], range: [colors.none], legend: true},
    marks
  }, caption);
}

// a big number: value of the month, its change against the previous month
// (green when better, red when worse), and the target when there is one
export function bigNumber({title, value, previous, unit = "", digits = 0, higherIsBetter, target, met}) {
  let change = "";
  if (previous !== null && previous !== undefined && value !== null && value !== undefined) {
    const delta = value - previous;
    const better = higherIsBetter === undefined || delta === 0 ? null : (delta > 0) === higherIsBetter;
    const color = better === null ? "var(--theme-foreground-muted)" : better ? colors.on : colors.off;
    change = html`<span style="color: ${color}">${delta > 0 ? "▲" : delta < 0 ? "▼" : "="} ${fmtNumber(Math.abs(delta), digits)}${unit} vs previous month</span>`;
  }
  const goal =
    target === null || target === undefined
      ? html`<span class="muted">no target in the views</span>`
      : html`<span style="color: ${met ? colors.on : colors.off}">${met ? "on target" : "off target"} (${higherIsBetter ? "≥" : "≤"} ${fmtNumber(target, digits)}${unit})</span>`;
  return html`<div class="card skpi-big">
    <h2>${title}</h2>
    <span class="big">${fmtNumber(value, digits)}${unit}</span>
    <div>${change}</div>
    <div>${goal}</div>
  </div>`;
}

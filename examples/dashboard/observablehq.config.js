// Observable Framework configuration of the support_kpi demo dashboard.
// Everything the pages need is on this machine after `npm ci`: the charts
// (Plot), inputs and htl are imported from node_modules, never from a CDN,
// and the default web font (Google Fonts) is switched off, so that the built
// site loads nothing from the network.
export default {
  title: "support_kpi demo",
  root: "src",
  style: "style.css",
  globalStylesheets: [],
  pages: [
    {name: "Monthly report", path: "/"},
    {name: "Operator scorecard", path: "/operators"},
    {name: "SLA per channel and product", path: "/sla"},
    {name: "The July training", path: "/training"},
    {name: "Quarters and teams", path: "/quarters"}
  ],
  // plain NAME.html files: any static server can serve dist/
  preserveExtension: true,
  search: false,
  pager: false,
  footer: "support_kpi demo dashboard: every figure from the bi views of the demo database (examples/dashboard/queries)."
};

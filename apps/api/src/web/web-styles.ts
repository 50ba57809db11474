// Served as is by WebHttpController. Embedded as a string so `nest build` (swc, which copies no assets) ships it.
/**
 * The page's stylesheet (`/assets/app.css`).
 */
export const WEB_STYLES_CSS = String.raw`:root {
  --ink: #1d2430; --muted: #5b6675; --line: #e3e7ec; --wash: #f6f8fa; --paper: #fff;
  --brand: #1f5f8b; --accent: #e8833a;
  --member: #1f5f8b; --doetank: #e8833a; --gathering: #6b8f3a; --network: #8a5a9e; --discussion: #3a8f8a;
}
* { box-sizing: border-box; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--wash); line-height: 1.5; -webkit-text-size-adjust: 100%;
}
body { margin: 0; }
.wrap { max-width: 920px; margin: 0 auto; padding: 0 20px; }
a { color: var(--brand); }
[hidden] { display: none !important; }
.site-header { background: var(--paper); border-bottom: 3px solid var(--brand); }
.site-header .wrap { display: flex; align-items: center; gap: 16px; min-height: 60px; }
.brand { color: var(--ink); font-size: 20px; font-weight: 800; letter-spacing: -.01em; text-decoration: none; }
.tagline { color: var(--muted); font-size: 14px; }
.lang-switch { margin-left: auto; display: flex; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.lang-switch button {
  padding: 5px 12px; border: 0; background: var(--paper); color: var(--muted); font: inherit; font-size: 13px;
  font-weight: 700; cursor: pointer;
}
.lang-switch button[aria-pressed="true"] { background: var(--brand); color: #fff; }
h1 { margin: 28px 0 8px; font-size: 32px; line-height: 1.15; }
h2 { margin: 4px 0 6px; font-size: 28px; line-height: 1.2; }
h3 { margin: 26px 0 8px; font-size: 17px; }
.heading-row { display: flex; align-items: baseline; justify-content: space-between; flex-wrap: wrap; gap: 8px 24px; }
.reports { font-size: 14px; color: var(--muted); }
.reports a {
  display: inline-block; margin-left: 6px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 999px;
  background: var(--paper); font-weight: 600; text-decoration: none;
}
.reports a:hover, .reports a:focus { border-color: var(--brand); }
.filters {
  display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)) auto; gap: 10px; align-items: end;
  margin: 14px 0 18px; padding: 14px; border: 1px solid var(--line); border-radius: 10px; background: var(--paper);
}
.filters label { display: flex; flex-direction: column; gap: 4px; min-width: 0; color: var(--muted); font-size: 12px; font-weight: 600; }
.filters select {
  width: 100%; padding: 6px 8px; border: 1px solid #c9d1da; border-radius: 6px; background: var(--paper);
  color: var(--ink); font: inherit; font-size: 14px;
}
button.link { padding: 6px 4px; border: 0; background: none; color: var(--brand); font: inherit; font-size: 13px; cursor: pointer; text-decoration: underline; }
.timeline { margin: 0; padding: 0; list-style: none; }
.timeline .month {
  margin: 18px 0 6px; color: var(--muted); font-size: 12px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase;
}
.entry {
  display: grid; grid-template-columns: 132px 104px 1fr; gap: 2px 12px; align-items: baseline;
  margin: 0 0 6px; padding: 10px 14px; border: 1px solid var(--line); border-left: 4px solid var(--kind, var(--brand));
  border-radius: 8px; background: var(--paper);
}
.entry time { color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.entry .badge {
  justify-self: start; padding: 0 8px; border-radius: 999px; background: var(--wash); color: var(--kind, var(--brand)); font-size: 12px;
  font-weight: 700; white-space: nowrap;
}
.entry .summary { margin: 0; }
.entry .doetank-link { grid-column: 3; font-size: 13px; font-weight: 600; text-decoration: none; }
.entry .doetank-link:hover, .entry .doetank-link:focus { text-decoration: underline; }
.kind-member { --kind: var(--member); } .kind-doetank { --kind: var(--doetank); } .kind-gathering { --kind: var(--gathering); }
.kind-network { --kind: var(--network); } .kind-discussion { --kind: var(--discussion); }
.status { color: var(--muted); font-size: 14px; }
.status.error { color: #b3261e; }
.more {
  display: block; margin: 8px auto 40px; padding: 9px 22px; border: 1px solid var(--brand); border-radius: 8px;
  background: var(--paper); color: var(--brand); font: inherit; font-weight: 700; cursor: pointer;
}
.more:hover, .more:focus { background: var(--brand); color: #fff; }
.more:disabled { opacity: .6; cursor: progress; }
.back { margin: 22px 0 0; font-size: 14px; }
#doetank-body {
  margin: 10px 0 40px; padding: 22px 26px; border: 1px solid var(--line); border-radius: 12px; background: var(--paper);
}
.kicker { margin: 0; color: var(--accent); font-size: 12px; font-weight: 800; letter-spacing: .12em; text-transform: uppercase; }
.stage { display: inline-block; padding: 1px 10px; border-radius: 999px; background: var(--wash); font-size: 13px; font-weight: 700; }
.stage-started { background: #e6f0f7; color: var(--brand); } .stage-concluded { background: #e8f3ea; color: #2e7d4f; }
.stage-stopped { background: #fbeaea; color: #b3261e; } .stage-proposed { background: #fdf3ea; color: #9a4a0f; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px 20px; margin: 18px 0 0; }
.facts dt { color: var(--muted); font-size: 12px; font-weight: 600; }
.facts dd { margin: 0; }
.problem { max-width: 44em; }
.muted { color: var(--muted); }
ul.results { padding-left: 18px; }
.lessons blockquote { margin: 0 0 10px; padding: 8px 14px; border-left: 3px solid var(--brand); background: var(--wash); }
.lessons blockquote p { margin: 0 0 4px; }
.lessons blockquote footer { color: var(--muted); font-size: 13px; }
.doetank-timeline { margin: 18px 0 0; font-weight: 600; }
.history { margin-top: 26px; border-top: 1px solid var(--line); }
.table-scroll { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { color: var(--muted); font-size: 11px; font-weight: 600; letter-spacing: .05em; text-transform: uppercase; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
code.id { display: inline-block; max-width: 16em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
@media (max-width: 760px) {
  .filters { grid-template-columns: 1fr 1fr; }
  .entry { grid-template-columns: 1fr; }
  .entry .doetank-link { grid-column: 1; }
  .tagline { display: none; }
}
.token-form {
  margin: 12px 0; padding: 12px 14px; border: 1px solid #f0c9a4; border-radius: 8px; background: #fdf3ea;
  color: var(--ink); font-size: 14px;
}
.token-form p { margin: 0 0 8px; }
.token-form label { display: inline-flex; align-items: center; gap: 8px; margin-right: 8px; font-weight: 600; }
.token-form input { width: 22em; max-width: 60vw; padding: 5px 8px; border: 1px solid #c9d1da; border-radius: 6px; font: inherit; }
.token-form button {
  padding: 5px 14px; border: 1px solid var(--brand); border-radius: 6px; background: var(--brand); color: #fff;
  font: inherit; font-weight: 700; cursor: pointer;
}
`;

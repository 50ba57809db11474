/**
 * The report's stylesheet, inlined in the page so the HTML is one self-contained file (the CLI writes it to disk;
 * a browser prints it without fetching anything). On screen: an A4 sheet on a grey desk. In print: A4, one
 * section per page, colours kept.
 */
export const REPORT_STYLES = `
:root {
  --ink: #1d2430; --muted: #5b6675; --line: #e3e7ec; --wash: #f6f8fa;
  --brand: #1f5f8b; --accent: #e8833a; --good: #2e7d4f; --bad: #b3261e;
}
* { box-sizing: border-box; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #e9edf2; line-height: 1.5; -webkit-text-size-adjust: 100%;
}
body { margin: 0; }
.report {
  max-width: 210mm; margin: 24px auto; padding: 16mm 16mm 12mm; background: #fff;
  box-shadow: 0 1px 3px rgba(16, 24, 40, .08), 0 12px 32px rgba(16, 24, 40, .08);
}
.cover { border-bottom: 4px solid var(--brand); padding-bottom: 18px; margin-bottom: 8px; }
.tools { float: right; font-size: 13px; }
.tools a { color: var(--brand); margin-left: 14px; text-decoration: none; }
.tools a:hover, .tools a:focus { text-decoration: underline; }
.kicker {
  margin: 0 0 6px; color: var(--accent); font-size: 13px; font-weight: 700;
  letter-spacing: .14em; text-transform: uppercase;
}
h1 { margin: 0 0 10px; font-size: 44px; line-height: 1.05; letter-spacing: -.015em; }
.lede { margin: 0; max-width: 36em; color: var(--muted); font-size: 17px; }
h2 { margin: 0 0 4px; color: var(--brand); font-size: 25px; line-height: 1.2; }
h3 { margin: 24px 0 8px; font-size: 16px; }
.section { margin-top: 30px; padding-top: 4px; }
.section-intro { margin: 0 0 14px; color: var(--muted); max-width: 42em; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 14px 0 20px; }
.card { padding: 12px 14px; border: 1px solid var(--line); border-radius: 8px; background: var(--wash); }
.card-label { margin: 0; min-height: 2.6em; color: var(--muted); font-size: 13px; line-height: 1.3; }
.card-value {
  margin: 4px 0 2px; font-size: 30px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums;
}
.trend { margin: 0; font-size: 13px; font-weight: 600; }
.trend .against { display: block; color: var(--muted); font-weight: 400; }
.good { color: var(--good); } .bad { color: var(--bad); } .neutral { color: var(--muted); }
figure { margin: 18px 0 8px; break-inside: avoid; }
figcaption { margin-bottom: 6px; font-weight: 600; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
table { width: 100%; margin: 10px 0; border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { padding: 0 0 6px; font-weight: 600; text-align: left; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { color: var(--muted); font-size: 11px; font-weight: 600; letter-spacing: .05em; text-transform: uppercase; }
tbody th { font-weight: 400; }
.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; }
.date { white-space: nowrap; }
.cell-title { display: block; font-weight: 600; }
.cell-title a { text-decoration: none; }
.cell-title a:hover, .cell-title a:focus { text-decoration: underline; }
.cell-meta { display: block; color: var(--muted); font-size: 12px; }
.pct { display: inline-block; min-width: 5.5em; font-weight: 600; }
.figures { margin-top: 4px; }
.aside, .empty { color: var(--muted); font-size: 13px; }
.highlight-box {
  margin: 14px 0 6px; padding: 14px 18px; border-left: 5px solid var(--accent); border-radius: 0 8px 8px 0;
  background: #fdf3ea; break-inside: avoid;
}
.highlight-box p { margin: 0; }
.highlight-label { color: #9a4a0f; font-size: 12px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
.highlight-title { font-size: 20px; font-weight: 700; }
.highlight-meta { color: var(--muted); font-size: 14px; }
.highlight-figure { margin-top: 4px !important; font-size: 15px; font-weight: 600; }
.lessons { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 18px; }
blockquote.lesson { margin: 0; padding: 8px 14px; border-left: 3px solid var(--brand); background: var(--wash); break-inside: avoid; }
blockquote.lesson p { margin: 0 0 4px; font-size: 14px; }
blockquote.lesson footer { color: var(--muted); font-size: 12px; }
blockquote.lesson cite { font-style: normal; font-weight: 600; }
a { color: var(--brand); }
ul.partners, ul.supporters { margin: 0; padding-left: 18px; }
ul.supporters { columns: 2; column-gap: 28px; }
ul.partners, ul.supporters { font-size: 14px; }
ul li { margin: 0 0 4px; break-inside: avoid; }
.affiliation { color: var(--muted); }
.colophon { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
.contents { margin-top: 26px; }
.contents h2 { font-size: 15px; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; }
.contents ol { columns: 2; column-gap: 28px; margin: 6px 0 0; padding-left: 22px; font-size: 15px; }
.contents a { text-decoration: none; }
.page-ref { float: right; color: var(--muted); font-variant-numeric: tabular-nums; }
.in-progress {
  margin: 14px 0 0; padding: 10px 14px; border-left: 4px solid var(--accent); background: #fdf3ea;
  font-weight: 600; max-width: 40em;
}
ul.brief { margin: 10px 0 4px; padding-left: 20px; font-size: 16px; }
ul.brief li { margin-bottom: 4px; }
h4 { margin: 14px 0 4px; font-size: 14px; }
ol.programme { margin: 4px 0 10px; padding-left: 22px; font-size: 14px; }
ol.programme li { margin-bottom: 3px; }
.speaker { color: var(--muted); }
.gathering-report > p { margin: 10px 0 6px; max-width: 44em; }
blockquote.quote { margin: 10px 0; padding: 6px 16px; border-left: 4px solid var(--accent); break-inside: avoid; }
blockquote.quote p { margin: 0 0 2px; font-size: 16px; font-style: italic; }
blockquote.quote footer { color: var(--muted); font-size: 13px; }
ul.media { margin: 2px 0 8px; padding-left: 18px; font-size: 14px; }
ul.media .cell-meta { display: inline; margin-left: 6px; }
.announced { margin-top: 12px; padding: 10px 16px; border: 1px solid var(--line); border-radius: 8px; }
.announced p { margin: 4px 0; }
ul.themes { margin: 4px 0; padding-left: 20px; }
.story { margin: 18px 0 0; padding-top: 12px; border-top: 1px solid var(--line); break-inside: avoid; }
.story h3 { margin: 0 0 2px; font-size: 17px; }
.story .stage {
  display: inline-block; margin-left: 6px; padding: 1px 8px; border-radius: 10px; background: var(--wash);
  color: var(--muted); font-size: 12px; font-weight: 600; vertical-align: 2px;
}
.story .stage-concluded { background: #e6f2eb; color: var(--good); }
.story .stage-stopped { background: #f6e7e6; color: var(--bad); }
.story-dates { margin: 0 0 6px; color: var(--muted); font-size: 12px; }
.problem { margin: 0 0 8px; font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 6px; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.orgs { color: var(--muted); }
ul.story-results { margin: 2px 0 6px; padding-left: 18px; font-size: 14px; }
ul.story-results .cell-meta { display: inline; margin-left: 6px; }
.story blockquote.lesson { margin: 4px 0; }
.outcome { margin: 8px 0 0; font-size: 14px; }
.outcome.running { color: var(--muted); }
table.cohorts { margin-bottom: 18px; }
ul.next-doetanks { padding-left: 18px; font-size: 14px; }
.colophon h2 { font-size: 16px; color: var(--muted); }
.colophon ul { margin: 6px 0 0; padding-left: 18px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
@media screen and (max-width: 760px) {
  .report { margin: 0; padding: 20px 16px; box-shadow: none; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  .contents ol { columns: 1; }
  .lessons { grid-template-columns: 1fr; }
  h1 { font-size: 34px; }
}
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print {
  html { background: none; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .tools { display: none; }
  /* The big sections start a page; the short ones follow on (the look ahead after the partners). */
  .section { margin-top: 26px; }
  .section.page-start { margin-top: 0; break-before: page; }
  h2, h3, h4, figcaption { break-after: avoid; }
  /* The cover shares its page with the year in brief: a title page of its own would be near-empty. */
  .cover { padding-top: 12mm; }
  .cover h1 { font-size: 56px; }
  tr, .card, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

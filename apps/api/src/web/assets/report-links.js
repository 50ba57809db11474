/** Links to each year's report (`/retrospectives/<year>/report`): 2011-2013 and every year seen in the timeline. */
import { $, clear, el } from './dom.js';
import { state } from './state.js';

/** One link per known year, oldest first. */
export function reportLinks() {
  return state.years
    .slice()
    .sort()
    .map((year) =>
      el('a', {
        href: `/retrospectives/${year}/report?lang=${state.lang}`,
        className: 'report-link',
        text: String(year),
      }),
    );
}

export function renderReportLinks() {
  const nav = $('report-links');
  clear(nav);
  reportLinks().forEach((link) => nav.appendChild(link));
}

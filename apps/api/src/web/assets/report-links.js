/** Links to each year's report (`/retrospectives/<year>/report`): 2011-2013 and every year seen in the timeline. */
import { $, clear, el } from './dom.js';
import { state } from './state.js';

export function renderReportLinks() {
  const nav = $('report-links');
  clear(nav);
  state.years
    .slice()
    .sort()
    .forEach((year) => {
      nav.appendChild(
        el('a', {
          href: `/retrospectives/${year}/report?lang=${state.lang}`,
          className: 'report-link',
          text: String(year),
        }),
      );
    });
}

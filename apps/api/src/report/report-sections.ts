import type { RetrospectiveGatheringHighlight } from '@app/contracts/read-models';
import { html, safeHttpUrl, type SafeHtml } from './html';
import type { DoetankStory, ReportEdition } from './report-edition';
import { formatDate, formatNumber, monthLabel } from './report-format';
import { REPORT_TEXT, type ReportLanguage } from './report-text';
import { PUBLICATION_TEXT } from './report-text-publication';

/**
 * The publication's own sections (the year in brief, the highlight, the Doetanks' stories, the look ahead, the
 * colophon): every sentence is a template of this file's texts filled with values from the edition, which come
 * from events. Pure, and every value is escaped by the `html` tag.
 */

type Ctx = { edition: ReportEdition; lang: ReportLanguage };

const n = (value: number, lang: ReportLanguage) => formatNumber(value, lang);
const place = (g: Pick<RetrospectiveGatheringHighlight, 'venue' | 'city'>) =>
  g.city ? `${g.venue}, ${g.city}` : g.venue;

/** "mei 2012" / "May 2012" of a `YYYY-MM` key. */
export const monthYear = (month: string, lang: ReportLanguage): string =>
  `${REPORT_TEXT[lang].monthsLong[Number(month.slice(5, 7)) - 1] ?? monthLabel(month, lang)} ${month.slice(0, 4)}`;

/** The statement a year in progress carries on its cover and in its year in brief. */
export const inProgressNote = ({ edition, lang }: Ctx): SafeHtml =>
  edition.inProgress
    ? html`<p class="in-progress" role="note">
        ${PUBLICATION_TEXT[lang].inProgress(
          edition.report.year,
          edition.recordedUntil === null ? null : monthYear(edition.recordedUntil, lang),
        )}
      </p>`
    : html``;

export const briefSentences = ({ edition, lang }: Ctx): SafeHtml => {
  const t = PUBLICATION_TEXT[lang].brief;
  const { report } = edition;
  const stopped = edition.doetanks.filter((d) => d.stop && d.stop.at >= `${report.year}`).length;
  const concluded = edition.doetanks.filter(
    (d) => d.conclusion && d.conclusion.at >= `${report.year}`,
  ).length;
  return html`<ul class="brief">
    <li>
      ${t.members(n(report.members.totalAtYearEnd, lang), n(report.members.joined, lang), report.year, edition.inProgress)}
    </li>
    <li>${t.doetanks(n(edition.doetanks.length, lang), n(concluded, lang), n(stopped, lang))}</li>
    <li>${t.gatherings(n(report.gatherings.held, lang), n(report.gatherings.attendance, lang))}</li>
  </ul>`;
};

const programmeList = (edition: ReportEdition, gatheringId: string, lang: ReportLanguage): SafeHtml => {
  const items = edition.programmes[gatheringId] ?? [];
  if (items.length === 0) return html``;
  return html`<h4>${PUBLICATION_TEXT[lang].highlight.programme}</h4>
    <ol class="programme">
      ${items.map(
        (item) =>
          html`<li>
            ${item.title}${item.speaker ? html` <span class="speaker">— ${item.speaker}</span>` : ''}
          </li>`,
      )}
    </ol>`;
};

/** A gathering's report: its text, quotes with the speakers' roles, links to media with their makers, guests. */
const gatheringReport = (edition: ReportEdition, gatheringId: string, lang: ReportLanguage): SafeHtml => {
  const report = edition.gatheringReports[gatheringId];
  if (!report) return html``;
  const t = PUBLICATION_TEXT[lang].gatheringReport;
  return html`<div class="gathering-report">
    ${report.summary.split(/\n{2,}/).map((paragraph) => html`<p>${paragraph}</p>`)}
    ${report.guests === undefined ? '' : html`<p class="aside">${t.guests(n(report.guests, lang))}</p>`}
    ${report.quotes.map(
      (quote) =>
        html`<blockquote class="quote">
          <p>“${quote.text}”</p>
          <footer>
            ${quote.speaker}${quote.role ? html`, <span class="role">${quote.role}</span>` : ''}
          </footer>
        </blockquote>`,
    )}
    ${
      report.links.length === 0
        ? ''
        : html`<h4>${t.media}</h4>
            <ul class="media">
              ${report.links.map((link) => {
                const href = safeHttpUrl(link.url);
                return html`<li>
                  ${href ? html`<a href="${href}">${link.title}</a>` : link.title}${
                    link.maker ? html` <span class="cell-meta">${t.madeBy(link.maker)}</span>` : ''
                  }
                </li>`;
              })}
            </ul>`
    }
  </div>`;
};

/** The best-attended gathering told from its events: when, where, how many, its programme, what it announced. */
export const highlightSection = ({ edition, lang }: Ctx): SafeHtml[] => {
  const t = PUBLICATION_TEXT[lang].highlight;
  const best = edition.report.highlights.bestAttendedGathering;
  if (!best) return [html`<p class="empty">${t.none}</p>`];
  const { next } = edition;
  const announced =
    next.partners.length + next.themes.length === 0
      ? html``
      : html`<div class="announced">
          <h4>${t.announced(next.year)}</h4>
          ${next.partners.map((p) => html`<p>${t.partner(p.organisation)}</p>`)}
          ${
            next.themes.length === 0
              ? ''
              : html`<p>${t.themes(next.themes.length)}</p>
                  <ul class="themes">
                    ${next.themes.map((theme) => html`<li>${theme.title}</li>`)}
                  </ul>`
          }
        </div>`;
  return [
    html`<div class="highlight-box best-attended">
      <p class="highlight-label">${REPORT_TEXT[lang].gatheringKinds[best.kind]}</p>
      <p class="highlight-title">${best.title}</p>
      <p class="highlight-meta">
        ${t.held(formatDate(best.date, lang), place(best), n(best.attendance, lang))}
      </p>
    </div>`,
    gatheringReport(edition, best.gatheringId, lang),
    programmeList(edition, best.gatheringId, lang),
    announced,
  ];
};

const story = (d: DoetankStory, lang: ReportLanguage, inProgress: boolean): SafeHtml => {
  const t = PUBLICATION_TEXT[lang].story;
  const stage = PUBLICATION_TEXT[lang].stages[d.stage];
  const coach = d.coachName ?? (d.coachOrganisation ? t.coachFrom(d.coachOrganisation) : null);
  const facts: SafeHtml[] = [
    html`<dt>${t.theme}</dt>
      <dd>${d.themeTitle ?? '–'}</dd>`,
    ...(d.client
      ? [
          html`<dt>${t.client}</dt>
            <dd>${d.client}</dd>`,
        ]
      : []),
    ...(coach
      ? [
          html`<dt>${t.coach}</dt>
            <dd>${coach}</dd>`,
        ]
      : []),
    html`<dt>${REPORT_TEXT[lang].sections.members}</dt>
      <dd>
        ${t.members(d.memberCount, n(d.memberCount, lang))}${
          d.memberOrganisations.length === 0
            ? ''
            : html` <span class="orgs">(${d.memberOrganisations.join(', ')})</span>`
        }
      </dd>`,
  ];
  const dates = [
    t.proposed(formatDate(d.proposedAt, lang, 'short')),
    ...(d.startedAt ? [t.started(formatDate(d.startedAt, lang, 'short'))] : []),
  ].join(' · ');
  const outcome = d.conclusion
    ? html`<p class="outcome concluded">
        <strong>${t.concluded(formatDate(d.conclusion.at, lang))}:</strong> ${d.conclusion.text}
      </p>`
    : d.stop
      ? html`<p class="outcome stopped">
          <strong>${t.stopped(formatDate(d.stop.at, lang))}:</strong> ${d.stop.reason}
        </p>`
      : d.stage === 'started'
        ? html`<p class="outcome running">${inProgress ? t.stillRunning : t.running}</p>`
        : html``;
  return html`<article class="story" id="doetank-${d.id}" data-stage="${d.stage}">
    <h3>${d.title} <span class="stage stage-${d.stage}">${stage}</span></h3>
    <p class="story-dates">${dates}</p>
    <p class="problem">${d.problemStatement}</p>
    <dl class="facts">${facts}</dl>
    ${
      d.results.length === 0
        ? html`<p class="aside">${t.noResults}</p>`
        : html`<h4>${t.results}</h4>
            <ul class="story-results">
              ${d.results.map((r) => {
                const href = safeHttpUrl(r.link);
                return html`<li>
                  ${href ? html`<a href="${href}">${r.title}</a>` : r.title}
                  <span class="cell-meta"
                    >${REPORT_TEXT[lang].resultKinds[r.kind]} · ${formatDate(r.sharedAt, lang, 'short')}</span
                  >
                </li>`;
              })}
            </ul>`
    }
    ${
      d.lessons.length === 0
        ? ''
        : html`<h4>${t.lessons}</h4>
            ${d.lessons.map((lesson) => html`<blockquote class="lesson"><p>${lesson}</p></blockquote>`)}`
    }
    ${outcome}
  </article>`;
};

export const cohortTable = ({ edition, lang }: Ctx): SafeHtml => {
  const t = PUBLICATION_TEXT[lang].cohorts;
  const f = REPORT_TEXT[lang].funnel;
  if (edition.cohorts.length === 0) return html``;
  return html`<table class="cohorts">
    <caption>
      ${t.caption(edition.report.year, edition.inProgress)}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t.cohort}</th>
        <th scope="col" class="num">${f.proposed}</th>
        <th scope="col" class="num">${f.started}</th>
        <th scope="col" class="num">${f.concluded}</th>
        <th scope="col" class="num">${f.stopped}</th>
        <th scope="col" class="num">${t.running}</th>
      </tr>
    </thead>
    <tbody>
      ${edition.cohorts.map(
        (row) =>
          html`<tr data-cohort="${row.cohort}">
            <th scope="row">${t.proposedIn(row.cohort)}</th>
            <td class="num">${n(row.proposed, lang)}</td>
            <td class="num">${n(row.started, lang)}</td>
            <td class="num">${n(row.concluded, lang)}</td>
            <td class="num">${n(row.stopped, lang)}</td>
            <td class="num">${n(row.running, lang)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
};

export const doetankStories = ({ edition, lang }: Ctx): SafeHtml[] => [
  html`<div class="stories">${edition.doetanks.map((d) => story(d, lang, edition.inProgress))}</div>`,
  edition.doetanksCut
    ? html`<p class="aside">
        ${PUBLICATION_TEXT[lang].story.cut(n(edition.doetanks.length, lang), n(edition.report.doetanks.proposed, lang))}
      </p>`
    : html``,
];

/** Programmes of the gatherings held, except the highlight's (told above). */
export const gatheringProgrammes = ({ edition, lang }: Ctx): SafeHtml[] => {
  const best = edition.report.highlights.bestAttendedGathering?.gatheringId;
  return edition.report.gatherings.list
    .filter(
      (g) =>
        g.gatheringId !== best &&
        ((edition.programmes[g.gatheringId]?.length ?? 0) > 0 ||
          edition.gatheringReports[g.gatheringId] !== undefined),
    )
    .map(
      (g) =>
        html`<div class="gathering-programme">
          <h3>${g.title}</h3>
          <p class="cell-meta">${formatDate(g.date, lang)} · ${place(g)}</p>
          ${gatheringReport(edition, g.gatheringId, lang)} ${programmeList(edition, g.gatheringId, lang)}
        </div>`,
    );
};

export const lookAhead = ({ edition, lang }: Ctx): SafeHtml[] => {
  const t = PUBLICATION_TEXT[lang].ahead;
  const { next } = edition;
  if (next.themes.length + next.partners.length === 0)
    return [html`<p class="empty">${t.none(next.year)}</p>`];
  return [
    html`<p class="section-intro">${t.intro(next.year)}</p>`,
    next.partners.length === 0
      ? html``
      : html`<h3>${t.partner}</h3>
          <ul class="partners">
            ${next.partners.map(
              (p) =>
                html`<li>
                  <strong>${p.organisation}</strong>${p.description ? html` – ${p.description}` : ''}
                </li>`,
            )}
          </ul>`,
    next.themes.length === 0
      ? html``
      : html`<h3>${t.themes}</h3>
          <ul class="themes">
            ${next.themes.map((theme) => html`<li>${theme.title}</li>`)}
          </ul>`,
    html`<h3>${t.doetanks}</h3>`,
    next.doetanks.length === 0
      ? html`<p class="empty">${t.noDoetanks}</p>`
      : html`<ul class="next-doetanks">
          ${next.doetanks.map(
            (d) =>
              html`<li>
                <strong>${d.title}</strong>
                <span class="cell-meta">${d.themeTitle} · ${PUBLICATION_TEXT[lang].stages[d.stage]}</span>
              </li>`,
          )}
        </ul>`,
  ];
};

/**
 * The colophon: its lines are a list, so another source of trust (a seal of the log, say) adds a line of its own
 * without touching these.
 */
export const colophon = ({ edition, lang }: Ctx, extraLines: readonly SafeHtml[] = []): SafeHtml => {
  const t = PUBLICATION_TEXT[lang].colophon;
  return html`<footer class="colophon" id="colofon">
    <h2>${PUBLICATION_TEXT[lang].sections.colophon}</h2>
    <ul class="colophon-lines">
      <li data-line="source">${t.source(n(edition.position, lang))}</li>
      <li data-line="business-time">${t.businessTime}</li>
      ${
        edition.doetanks.some((d) => d.coachName === null && d.coachOrganisation)
          ? html`<li data-line="names">${t.names}</li>`
          : ''
      }
      ${extraLines.map((line) => html`<li>${line}</li>`)}
    </ul>
  </footer>`;
};

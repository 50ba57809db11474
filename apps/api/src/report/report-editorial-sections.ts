import { html, safeHttpUrl, type SafeHtml } from './html';
import type { ReportEdition } from './report-edition';
import { formatDate, formatNumber } from './report-format';
import type { ReportLanguage } from './report-text';

/**
 * The sections the coordinators write through the editorial commands (foreword, programme, network results,
 * community size, the reconstruction notice): every sentence is a template filled with values from the
 * network-years read model, so from events. Pure; every value is escaped by the `html` tag.
 */

type Ctx = { edition: ReportEdition; lang: ReportLanguage };
type Credit = { name: string; role?: string };

export const EDITORIAL_TEXT = {
  nl: {
    foreword: 'Voorwoord',
    programme: (name: string) => `Slimmernetwerk is onderdeel van het programma ‘${name}’.`,
    announced: (date: string) => `Aangekondigd op ${date}.`,
    goals: 'Doelen',
    consortium: 'Consortium',
    funder: (organisation: string, scheme?: string) =>
      scheme ? `Gefinancierd door ${organisation}, via ‘${scheme}’.` : `Gefinancierd door ${organisation}.`,
    networkResults: 'Van het netwerk',
    madeBy: (makers: string) => `Gemaakt door ${makers}`,
    published: (date: string) => `verschenen ${date}`,
    community: (name: string, size: string, approximate: boolean, date: string) =>
      `${name}: ${approximate ? 'ongeveer ' : ''}${size} leden op ${date}.`,
    communityNote:
      'Dit zijn deelnemers aan de gemeenschap, niet de geregistreerde leden die dit verslag telt.',
    reconstruction:
      'Dit verslag rust op een reconstructie: de feiten van de brondocumenten zijn aangevuld met verzonnen details (namen, uitkomsten, aantallen).',
    and: 'en',
  },
  en: {
    foreword: 'Foreword',
    programme: (name: string) => `Slimmernetwerk is part of the programme ‘${name}’.`,
    announced: (date: string) => `Announced on ${date}.`,
    goals: 'Goals',
    consortium: 'Consortium',
    funder: (organisation: string, scheme?: string) =>
      scheme ? `Funded by ${organisation}, through ‘${scheme}’.` : `Funded by ${organisation}.`,
    networkResults: 'From the network',
    madeBy: (makers: string) => `Made by ${makers}`,
    published: (date: string) => `published ${date}`,
    community: (name: string, size: string, approximate: boolean, date: string) =>
      `${name}: ${approximate ? 'about ' : ''}${size} members on ${date}.`,
    communityNote:
      'These take part in the community; they are not the registered members this report counts.',
    reconstruction:
      'This report rests on a reconstruction: the facts of the founding documents are filled in with invented detail (names, outcomes, numbers).',
    and: 'and',
  },
} as const;

const credit = ({ name, role }: Credit): string => (role ? `${name} (${role})` : name);
const listed = (items: readonly string[], lang: ReportLanguage): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${EDITORIAL_TEXT[lang].and} ${items[items.length - 1]}`;
const day = (date: string, lang: ReportLanguage) => formatDate(`${date}T12:00:00.000Z`, lang);

export const forewordSection = ({ edition }: Ctx): SafeHtml[] => {
  const foreword = edition.editorial.foreword;
  if (foreword === undefined) return [];
  return [
    html`<div class="foreword">
      ${foreword.text.split(/\n{2,}/).map((paragraph) => html`<p>${paragraph}</p>`)}
      <p class="signature">
        ${foreword.signedBy.name}${
          foreword.signedBy.role ? html`<br /><span class="role">${foreword.signedBy.role}</span>` : ''
        }
      </p>
    </div>`,
  ];
};

/** The programme the network is part of: shown first in the part on organisation and funding. */
export const programmePart = ({ edition, lang }: Ctx): SafeHtml[] => {
  const programme = edition.editorial.programme;
  if (programme === undefined) return [];
  const t = EDITORIAL_TEXT[lang];
  return [
    html`<div class="programme-of-network">
      <p>${t.programme(programme.name)} ${t.announced(day(programme.announcedOn, lang))}</p>
      <p>${t.funder(programme.funder.organisation, programme.funder.scheme)}</p>
      <h3>${t.consortium}</h3>
      <ul class="consortium">
        ${programme.consortium.map((m) => html`<li>${m.organisation}${m.role ? ` – ${m.role}` : ''}</li>`)}
      </ul>
      ${
        programme.goals.length === 0
          ? ''
          : html`<h3>${t.goals}</h3>
              <ul class="goals">
                ${programme.goals.map((goal) => html`<li>${goal}</li>`)}
              </ul>`
      }
    </div>`,
  ];
};

/** Results of the network as a whole, with their makers. */
export const networkResultsPart = ({ edition, lang }: Ctx): SafeHtml[] => {
  const { results } = edition.editorial;
  if (results.length === 0) return [];
  const t = EDITORIAL_TEXT[lang];
  return [
    html`<h3>${t.networkResults}</h3>
      <ul class="network-results">
        ${results.map((r) => {
          const url = safeHttpUrl(r.link);
          return html`<li>
            ${url === undefined ? html`<strong>${r.title}</strong>` : html`<a href="${url}"><strong>${r.title}</strong></a>`}
            ${r.description ? html`<span> – ${r.description}</span>` : ''}
            <span class="cell-meta"
              >${t.madeBy(listed(r.makers.map(credit), lang))}, ${t.published(day(r.publishedOn, lang))}</span
            >
          </li>`;
        })}
      </ul>`,
  ];
};

/** The community's size over time (e.g. the LinkedIn group), apart from the registered members. */
export const communitySizesPart = ({ edition, lang }: Ctx): SafeHtml[] => {
  const { communitySizes } = edition.editorial;
  if (communitySizes.length === 0) return [];
  const t = EDITORIAL_TEXT[lang];
  return [
    html`<ul class="community-sizes">
        ${communitySizes.map(
          (s) =>
            html`<li>
              ${t.community(s.community, formatNumber(s.size, lang), s.approximate, day(s.measuredOn, lang))}
            </li>`,
        )}
      </ul>
      <p class="aside">${t.communityNote}</p>`,
  ];
};

/** The colophon's line that says the year is a reconstruction, when its records say so. */
export const reconstructionLine = ({ edition, lang }: Ctx): SafeHtml[] =>
  edition.editorial.reconstruction
    ? [
        html`<span class="reconstruction" data-line="reconstruction"
          >${EDITORIAL_TEXT[lang].reconstruction}</span
        >`,
      ]
    : [];

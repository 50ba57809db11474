import { safeHttpUrl } from './html';
import { aside, group, h3, list, meta, p, span, type Block } from './report-blocks';
import { formatDate, formatNumber } from './report-format';
import type { ColophonLine, Ctx } from './report-sections';
import type { ReportLanguage } from './report-text';
import { PUBLICATION_TEXT } from './report-text-publication';

/**
 * The sections the coordinators write through the editorial commands (foreword, programme, network results,
 * community size, the reconstruction notice): every sentence is a template filled with values from the
 * network-years read model, so from events; blocks of the section model. Pure.
 */

type Credit = { name: string; role?: string };

const credit = ({ name, role }: Credit): string => (role ? `${name} (${role})` : name);
const listed = (items: readonly string[], lang: ReportLanguage): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${PUBLICATION_TEXT[lang].editorial.and} ${items[items.length - 1]}`;
const day = (date: string, lang: ReportLanguage) => formatDate(`${date}T12:00:00.000Z`, lang);

export const forewordSection = ({ edition }: Ctx): Block[] => {
  const foreword = edition.editorial.foreword;
  if (foreword === undefined) return [];
  const { name, role } = foreword.signedBy;
  return [
    group('foreword', [
      ...foreword.text.split(/\n{2,}/).map((paragraph) => p(paragraph)),
      p(role ? [name, { br: true }, span(role, 'role')] : name, 'signature'),
    ]),
  ];
};

/** The programme the network is part of: shown first in the part on organisation and funding. */
export const programmePart = ({ edition, lang }: Ctx): Block[] => {
  const programme = edition.editorial.programme;
  if (programme === undefined) return [];
  const t = PUBLICATION_TEXT[lang].editorial;
  return [
    group('programme-of-network', [
      p(`${t.programme(programme.name)} ${t.announced(day(programme.announcedOn, lang))}`),
      p(t.funder(programme.funder.organisation, programme.funder.scheme)),
      h3(t.consortium),
      list(
        programme.consortium.map((m) => (m.role ? `${m.organisation} – ${m.role}` : m.organisation)),
        'consortium',
      ),
      ...(programme.goals.length === 0 ? [] : [h3(t.goals), list(programme.goals, 'goals')]),
    ]),
  ];
};

/** Results of the network as a whole, with their makers. */
export const networkResultsPart = ({ edition, lang }: Ctx): Block[] => {
  const { results } = edition.editorial;
  if (results.length === 0) return [];
  const t = PUBLICATION_TEXT[lang].editorial;
  return [
    h3(t.networkResults),
    list(
      results.map((r) => [
        { href: safeHttpUrl(r.link), text: { strong: r.title } },
        r.description ? ` – ${r.description}` : '',
        ' ',
        meta(`${t.madeBy(listed(r.makers.map(credit), lang))}, ${t.published(day(r.publishedOn, lang))}`),
      ]),
      'network-results',
    ),
  ];
};

/** The community's size over time (e.g. the LinkedIn group), apart from the registered members. */
export const communitySizesPart = ({ edition, lang }: Ctx): Block[] => {
  const { communitySizes } = edition.editorial;
  if (communitySizes.length === 0) return [];
  const t = PUBLICATION_TEXT[lang].editorial;
  return [
    list(
      communitySizes.map((s) =>
        t.community(s.community, formatNumber(s.size, lang), s.approximate, day(s.measuredOn, lang)),
      ),
      'community-sizes',
    ),
    aside(t.communityNote),
  ];
};

/** The colophon's line that says the year is a reconstruction, when its records say so. */
export const reconstructionLine = ({ edition, lang }: Ctx): ColophonLine[] =>
  edition.editorial.reconstruction
    ? [{ line: 'reconstruction', text: PUBLICATION_TEXT[lang].editorial.reconstruction }]
    : [];

import type { TimelineEntry } from '@app/contracts/read-models/timeline.read-model';
import type { GatheringKind, MemberRole, ResultKind } from '@app/contracts/vocabulary';
import { monthNames } from '../shared/month-names';

export type SummaryLanguage = 'nl' | 'en';

/**
 * Current names, looked up when the timeline is read: a member who was forgotten is passed as "vergeten lid" /
 * "forgotten member" by the caller; an unknown id returns undefined and the summary says "een lid" / "a member".
 */
export interface TimelineNames {
  member(id: string): string | undefined;
  doetank(id: string): string | undefined;
  gathering(id: string): string | undefined;
  theme(id: string): string | undefined;
}

const GATHERING_KIND_LABELS: Record<GatheringKind, string> = {
  cafe: 'Café',
  'grand-cafe': 'Grand Café',
  masterclass: 'Masterclass',
};

const RESULT_KIND_LABELS: Record<SummaryLanguage, Record<ResultKind, string>> = {
  nl: {
    'business-case': 'een business case',
    film: 'een film',
    report: 'een rapport',
    tool: 'een instrument',
    lesson: 'een les',
  },
  en: {
    'business-case': 'a business case',
    film: 'a film',
    report: 'a report',
    tool: 'a tool',
    lesson: 'a lesson',
  },
};

const ROLE_LABELS: Record<SummaryLanguage, Record<MemberRole, string>> = {
  nl: { professional: 'professional', manager: 'manager', administrator: 'bestuurder' },
  en: { professional: 'a professional', manager: 'a manager', administrator: 'an administrator' },
};

const MONTHS: Record<SummaryLanguage, readonly string[]> = {
  nl: monthNames('nl-NL', 'long'),
  en: monthNames('en', 'long'),
};

const FALLBACK = {
  nl: { member: 'een lid', doetank: 'een Doetank', gathering: 'een bijeenkomst' },
  en: { member: 'a member', doetank: 'a Doetank', gathering: 'a gathering' },
} as const;

const quoted = (title: string): string => `'${title}'`;

const capitalised = (sentence: string): string => sentence.charAt(0).toUpperCase() + sentence.slice(1);

/** `A, B en C` / `A, B and C`. */
const listed = (items: readonly string[], lang: SummaryLanguage): string => {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${items[items.length - 1]}`;
};

/** `22 november 2012` / `22 November 2012`, in UTC like every stored time. */
const calendarDate = (iso: string, lang: SummaryLanguage): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[lang][Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
};

/** Renders one entry; `names` gives the current names, `lang` the language. */
class Summary {
  constructor(
    private readonly names: TimelineNames,
    private readonly lang: SummaryLanguage,
  ) {}

  t(nl: string, en: string): string {
    return this.lang === 'nl' ? nl : en;
  }

  member(id: string | undefined): string {
    return (id === undefined ? undefined : this.names.member(id)) ?? FALLBACK[this.lang].member;
  }

  /** `Doetank 'Title'`, or `een Doetank` when no title is known. */
  doetank(entry: TimelineEntry): string {
    const details = entry.details as { doetankTitle?: string };
    const title =
      (entry.doetankId === undefined ? undefined : this.names.doetank(entry.doetankId)) ??
      details.doetankTitle;
    return title === undefined ? FALLBACK[this.lang].doetank : `Doetank ${quoted(title)}`;
  }

  /** `Café 'Title'`, `bijeenkomst 'Title'` without a known kind, or `een bijeenkomst`. */
  gathering(entry: TimelineEntry): string {
    const details = entry.details as { gatheringKind?: GatheringKind; gatheringTitle?: string };
    const title =
      (entry.gatheringId === undefined ? undefined : this.names.gathering(entry.gatheringId)) ??
      details.gatheringTitle;
    const kind =
      details.gatheringKind === undefined ? undefined : GATHERING_KIND_LABELS[details.gatheringKind];
    if (title === undefined)
      return kind === undefined ? FALLBACK[this.lang].gathering : this.t(`een ${kind}`, `a ${kind}`);
    return `${kind ?? this.t('bijeenkomst', 'gathering')} ${quoted(title)}`;
  }

  theme(themeId: string, title?: string): string | undefined {
    const name = this.names.theme(themeId) ?? title;
    return name === undefined ? undefined : quoted(name);
  }

  render(entry: TimelineEntry): string {
    const { lang } = this;
    switch (entry.type) {
      case 'MemberJoined': {
        const { memberId, organisation } = entry.details;
        const who = this.member(memberId);
        return this.t(
          `${who} sloot zich aan bij het netwerk (${organisation})`,
          `${who} joined the network (${organisation})`,
        );
      }
      case 'MemberAffiliationChanged': {
        const { memberId, organisation, role } = entry.details;
        const who = this.member(memberId);
        return this.t(
          `${who} is nu ${ROLE_LABELS.nl[role]} bij ${organisation}`,
          `${who} is now ${ROLE_LABELS.en[role]} at ${organisation}`,
        );
      }
      case 'MemberLeft': {
        const who = this.member(entry.details.memberId);
        return this.t(`${who} verliet het netwerk`, `${who} left the network`);
      }
      case 'MemberForgotten':
        // Whoever it was is no longer named, not even as "forgotten member".
        return this.t('De persoonsgegevens van een lid zijn gewist', "A member's personal data was erased");
      case 'DoetankProposed': {
        const who = this.member(entry.details.proposedBy);
        const doetank = this.doetank(entry);
        const theme = entry.themeIds[0] === undefined ? undefined : this.theme(entry.themeIds[0]);
        const onTheme = theme === undefined ? '' : this.t(` (thema ${theme})`, ` (theme ${theme})`);
        return this.t(`${who} stelde ${doetank} voor${onTheme}`, `${who} proposed ${doetank}${onTheme}`);
      }
      case 'ProblemStatementSharpened': {
        const who = this.member(entry.details.sharpenedBy);
        const doetank = this.doetank(entry);
        return this.t(
          `${who} scherpte de probleemstelling van ${doetank} aan`,
          `${who} sharpened the problem statement of ${doetank}`,
        );
      }
      case 'CoachAssigned': {
        const { coachId, previousCoachId } = entry.details;
        const coach = this.member(coachId);
        const doetank = this.doetank(entry);
        const succeeding =
          previousCoachId === undefined
            ? ''
            : this.t(
                ` (volgt ${this.member(previousCoachId)} op)`,
                ` (succeeding ${this.member(previousCoachId)})`,
              );
        return this.t(
          `${coach} werd coach van ${doetank}${succeeding}`,
          `${coach} became coach of ${doetank}${succeeding}`,
        );
      }
      case 'ClientSecured': {
        const doetank = this.doetank(entry);
        const { organisation } = entry.details;
        return this.t(
          `${doetank} heeft ${organisation} als opdrachtgever`,
          `${doetank} secured ${organisation} as its client`,
        );
      }
      case 'DoetankStarted': {
        const doetank = this.doetank(entry);
        return this.t(`${doetank} is gestart`, `${doetank} started`);
      }
      case 'MemberJoinedDoetank': {
        const who = this.member(entry.details.memberId);
        const doetank = this.doetank(entry);
        return this.t(`${who} sloot zich aan bij ${doetank}`, `${who} joined ${doetank}`);
      }
      case 'MemberLeftDoetank': {
        const who = this.member(entry.details.memberId);
        const doetank = this.doetank(entry);
        return this.t(`${who} verliet ${doetank}`, `${who} left ${doetank}`);
      }
      case 'ResultShared': {
        const { sharedBy, resultKind, resultTitle } = entry.details;
        const who = this.member(sharedBy);
        const doetank = this.doetank(entry);
        const what = `${RESULT_KIND_LABELS[lang][resultKind]} ${quoted(resultTitle)}`;
        return this.t(`${who} deelde ${what} uit ${doetank}`, `${who} shared ${what} from ${doetank}`);
      }
      case 'LessonRecorded': {
        const who = this.member(entry.details.recordedBy);
        const doetank = this.doetank(entry);
        return this.t(`${who} legde een les vast in ${doetank}`, `${who} recorded a lesson in ${doetank}`);
      }
      case 'DoetankConcluded': {
        const doetank = this.doetank(entry);
        return this.t(`${doetank} is afgerond`, `${doetank} concluded`);
      }
      case 'DoetankStopped': {
        const doetank = this.doetank(entry);
        const { reason } = entry.details;
        return this.t(`${doetank} is gestopt: ${reason}`, `${doetank} stopped: ${reason}`);
      }
      case 'GatheringScheduled': {
        const { startsAt, venue, city } = entry.details;
        const gathering = this.gathering(entry);
        const where = city === undefined ? venue : `${venue}, ${city}`;
        const when = calendarDate(startsAt, lang);
        return this.t(
          `${gathering} gepland op ${when} in ${where}`,
          `${gathering} scheduled for ${when} at ${where}`,
        );
      }
      case 'ParticipantRegistered': {
        const who = this.member(entry.details.memberId);
        const gathering = this.gathering(entry);
        return this.t(`${who} meldde zich aan voor ${gathering}`, `${who} registered for ${gathering}`);
      }
      case 'RegistrationCancelled': {
        const who = this.member(entry.details.memberId);
        const gathering = this.gathering(entry);
        return this.t(
          `${who} meldde zich af voor ${gathering}`,
          `${who} cancelled their registration for ${gathering}`,
        );
      }
      case 'ProgrammeItemAdded': {
        const item = quoted(entry.details.itemTitle);
        const gathering = this.gathering(entry);
        const spotlight =
          entry.doetankId === undefined
            ? ''
            : this.t(` (met ${this.doetank(entry)})`, ` (featuring ${this.doetank(entry)})`);
        return this.t(
          `${item} staat op het programma van ${gathering}${spotlight}`,
          `${item} added to the programme of ${gathering}${spotlight}`,
        );
      }
      case 'GatheringHeld': {
        const { gatheringKind, venue, attendeeCount } = entry.details;
        const count = this.t(
          `${attendeeCount} ${attendeeCount === 1 ? 'deelnemer' : 'deelnemers'}`,
          `${attendeeCount} ${attendeeCount === 1 ? 'participant' : 'participants'}`,
        );
        if (gatheringKind !== undefined && venue !== undefined) {
          const kind = GATHERING_KIND_LABELS[gatheringKind];
          return this.t(
            `${kind} in ${venue} gehouden met ${count}`,
            `${kind} held in ${venue} with ${count}`,
          );
        }
        const gathering = this.gathering(entry);
        return this.t(`${gathering} gehouden met ${count}`, `${gathering} held with ${count}`);
      }
      case 'GatheringReportRecorded': {
        const gathering = this.gathering(entry);
        return this.t(`Verslag van ${gathering} gepubliceerd`, `Report of ${gathering} published`);
      }
      case 'GatheringCancelled': {
        const gathering = this.gathering(entry);
        const { reason } = entry.details;
        return this.t(`${gathering} is afgelast: ${reason}`, `${gathering} was cancelled: ${reason}`);
      }
      case 'YearThemesDefined': {
        const { year, themes } = entry.details;
        if (themes.length === 0) {
          return this.t(`De thema's voor ${year} zijn gewist`, `The themes for ${year} were cleared`);
        }
        const titles = themes.map(({ themeId, title }) => this.theme(themeId, title) ?? quoted(title));
        return this.t(
          `Thema's voor ${year} vastgesteld: ${listed(titles, 'nl')}`,
          `Themes for ${year} defined: ${listed(titles, 'en')}`,
        );
      }
      case 'StrategicPartnerAppointed': {
        const { year, organisation } = entry.details;
        return this.t(
          `${organisation} is strategisch partner voor ${year}`,
          `${organisation} became strategic partner for ${year}`,
        );
      }
      case 'SupporterAdded': {
        const { year, name, affiliation } = entry.details;
        const from = affiliation === undefined ? '' : ` (${affiliation})`;
        if (name === undefined) {
          return this.t(`Nieuwe supporter voor ${year}${from}`, `New supporter for ${year}${from}`);
        }
        return this.t(
          `${name}${from} is supporter voor ${year}`,
          `${name}${from} became supporter for ${year}`,
        );
      }
      case 'YearForewordWritten': {
        const { year, signedBy } = entry.details;
        return this.t(`Voorwoord voor ${year} van ${signedBy}`, `Foreword for ${year} by ${signedBy}`);
      }
      case 'ProgrammeDescribed': {
        const { name, funder } = entry.details;
        return this.t(
          `Programma ${quoted(name)} aangekondigd, gefinancierd door ${funder}`,
          `Programme ${quoted(name)} announced, funded by ${funder}`,
        );
      }
      case 'NetworkResultPublished': {
        const { title, makers } = entry.details;
        return this.t(
          `${quoted(title)} verschenen, gemaakt door ${listed(makers, 'nl')}`,
          `${quoted(title)} published, made by ${listed(makers, 'en')}`,
        );
      }
      case 'CommunitySizeMeasured': {
        const { community, size, approximate } = entry.details;
        const about = approximate ? this.t('ongeveer ', 'about ') : '';
        return this.t(
          `${community}: ${about}${size.toLocaleString('nl-NL')} leden`,
          `${community}: ${about}${size.toLocaleString('en-GB')} members`,
        );
      }
      case 'DiscussionStarted': {
        const who = this.member(entry.details.startedBy);
        const title = quoted(entry.details.discussionTitle);
        const about =
          entry.doetankId === undefined
            ? ''
            : this.t(` over ${this.doetank(entry)}`, ` about ${this.doetank(entry)}`);
        return this.t(
          `${who} startte de discussie ${title}${about}`,
          `${who} started the discussion ${title}${about}`,
        );
      }
      case 'DiscussionClosed': {
        const { discussionTitle } = entry.details;
        if (discussionTitle === undefined)
          return this.t('Een discussie is gesloten', 'A discussion was closed');
        return this.t(
          `De discussie ${quoted(discussionTitle)} is gesloten`,
          `The discussion ${quoted(discussionTitle)} was closed`,
        );
      }
      default: {
        const _exhaustive: never = entry;
        return String((_exhaustive as TimelineEntry).type);
      }
    }
  }
}

/**
 * A readable sentence for a timeline entry, in Dutch or English. Titles of Doetanks, results, gatherings, themes
 * and discussions are kept as they were written (untranslated), in single quotes. Pure: names come in through
 * `names`, looked up by the caller at query time.
 */
export const renderTimelineSummary = (
  entry: TimelineEntry,
  names: TimelineNames,
  lang: SummaryLanguage,
): string => capitalised(new Summary(names, lang).render(entry));

import {
  DOETANKS_COLLECTION,
  GATHERINGS_COLLECTION,
  MEMBERS_COLLECTION,
  RETROSPECTIVE_COLLECTIONS,
  retrospectiveYearId,
  themeYear,
  type DoetankDocument,
  type GatheringDocument,
  type MemberDocument,
  type RetrospectiveYearDocument,
  type TimelineEntry,
} from '@app/contracts';
import { type SummaryLanguageCode } from './list-timeline.request.dto';
import type { TimelineNames } from '@app/projections';
import type { ReadDocument, ReadStore } from '@app/read-store';

const FORGOTTEN_MEMBER: Record<SummaryLanguageCode, string> = {
  nl: 'vergeten lid',
  en: 'forgotten member',
};

const getMany = async <T extends ReadDocument>(
  store: ReadStore,
  collection: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, T>> => (ids.size === 0 ? new Map() : store.getMany<T>(collection, [...ids]));

/**
 * The current names a page of timeline entries refers to, in one read per collection: members (a forgotten member
 * is "vergeten lid" / "forgotten member"), Doetanks, gatherings, and theme titles from the retrospective documents
 * of the themes' years (they keep each year's themes as last defined).
 */
export async function timelineNames(
  store: ReadStore,
  entries: readonly TimelineEntry[],
  lang: SummaryLanguageCode,
): Promise<TimelineNames> {
  const memberIds = new Set<string>();
  const doetankIds = new Set<string>();
  const gatheringIds = new Set<string>();
  const themeYears = new Set<string>();
  for (const entry of entries) {
    // A gathering's attendees (up to 500) are listed but never named in its summary.
    if (entry.type !== 'GatheringHeld') entry.memberIds.forEach((id) => memberIds.add(id));
    if (entry.doetankId !== undefined) doetankIds.add(entry.doetankId);
    if (entry.gatheringId !== undefined) gatheringIds.add(entry.gatheringId);
    for (const themeId of entry.themeIds) {
      const year = themeYear(themeId);
      if (year !== undefined) themeYears.add(retrospectiveYearId(year));
    }
  }
  const [members, doetanks, gatherings, years] = await Promise.all([
    getMany<MemberDocument>(store, MEMBERS_COLLECTION, memberIds),
    getMany<DoetankDocument>(store, DOETANKS_COLLECTION, doetankIds),
    getMany<GatheringDocument>(store, GATHERINGS_COLLECTION, gatheringIds),
    getMany<RetrospectiveYearDocument>(store, RETROSPECTIVE_COLLECTIONS.years, themeYears),
  ]);
  const themes = new Map<string, string>();
  for (const year of years.values()) for (const theme of year.themes) themes.set(theme.themeId, theme.title);
  return {
    member: (id) => {
      const member = members.get(id);
      if (member === undefined) return undefined;
      return member.name ?? (member.status === 'forgotten' ? FORGOTTEN_MEMBER[lang] : undefined);
    },
    doetank: (id) => doetanks.get(id)?.title,
    gathering: (id) => gatherings.get(id)?.title,
    theme: (id) => themes.get(id),
  };
}

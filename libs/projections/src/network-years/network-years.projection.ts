import type { NetworkYearEditorialEvent } from '@app/contracts';
import {
  NETWORK_YEARS_COLLECTION,
  type NetworkYearDocument,
} from '@app/contracts/read-models/network-year.read-model';
import type { Projection, ProjectionEvent } from '../projection';
import { documentPerSubject } from '../shared/document-per-subject';
import { unhandled } from '../shared/exhaustive';

export { NETWORK_YEARS_COLLECTION };

const NETWORK_YEAR_EDITORIAL_TYPES = [
  'YearForewordWritten',
  'ProgrammeDescribed',
  'NetworkResultPublished',
  'CommunitySizeMeasured',
] as const satisfies readonly NetworkYearEditorialEvent['type'][];

type EditorialEvent = ProjectionEvent<NetworkYearEditorialEvent>;

/** Replaces the entry with the same key, or adds it at the end. */
const replaced = <T>(list: readonly T[], entry: T, same: (a: T) => boolean): T[] =>
  list.some(same) ? list.map((a) => (same(a) ? entry : a)) : [...list, entry];

// Plain copies (JSON.parse of JSON): the document is written as JSON, whatever objects the event was read into.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const evolve = (doc: NetworkYearDocument, event: EditorialEvent): NetworkYearDocument => {
  const { year: _year, ...data } = copy(event.data);
  switch (event.type) {
    case 'YearForewordWritten':
      return { ...doc, foreword: data as NetworkYearDocument['foreword'] };
    case 'ProgrammeDescribed': {
      const programme = data as NetworkYearDocument['programmes'][number];
      const programmes = replaced(doc.programmes, programme, (p) => p.programmeId === programme.programmeId);
      return { ...doc, programmes };
    }
    case 'NetworkResultPublished': {
      const result = data as NetworkYearDocument['results'][number];
      return { ...doc, results: replaced(doc.results, result, (r) => r.resultId === result.resultId) };
    }
    case 'CommunitySizeMeasured': {
      const size = data as NetworkYearDocument['communitySizes'][number];
      const communitySizes = replaced(
        doc.communitySizes,
        size,
        (s) => s.community === size.community && s.measuredOn === size.measuredOn,
      ).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.community.localeCompare(b.community));
      return { ...doc, communitySizes };
    }
    default:
      return unhandled(event);
  }
};

/**
 * The editorial record of each network year (foreword, programmes, network results, community sizes): one document
 * per year, from the editorial events of its stream. The annual report reads it beside the retrospective; the
 * figures of the retrospective do not count these events (they tell about the year, they are not activity in it).
 */
export const networkYearsProjection: Projection = documentPerSubject<EditorialEvent, NetworkYearDocument>({
  name: 'network-years',
  collection: {
    name: NETWORK_YEARS_COLLECTION,
    indexes: [{ name: 'by_year', fields: [{ field: 'year' }] }],
  },
  handles: NETWORK_YEAR_EDITORIAL_TYPES,
  idOf: (event) => String(event.data.year),
  create: (event) =>
    evolve(
      {
        id: String(event.data.year),
        year: event.data.year,
        programmes: [],
        results: [],
        communitySizes: [],
        lastEventPosition: event.position,
      },
      event,
    ),
  update: evolve,
});

import type {
  CommunitySizeMeasured,
  NetworkResultPublished,
  ProgrammeDescribed,
  YearForewordWritten,
} from '../events/network-year.events';

export const NETWORK_YEARS_COLLECTION = 'network_years';

type Without<T, K extends keyof T> = Omit<T, K>;

/**
 * The editorial record of a network year (id = the year): what its report tells beside the figures. Each part is
 * the last record of its subject: a rewritten foreword or programme replaces the earlier one.
 */
export type NetworkYearDocument = {
  id: string;
  year: number;
  foreword?: Without<YearForewordWritten['data'], 'year'>;
  /** Programmes announced in the year, in the order first recorded. */
  programmes: Without<ProgrammeDescribed['data'], 'year'>[];
  /** Results of the network as a whole, in the order recorded. */
  results: Without<NetworkResultPublished['data'], 'year'>[];
  /** Counts of communities around the network (not registered members), by date. */
  communitySizes: Without<CommunitySizeMeasured['data'], 'year'>[];
  lastEventPosition: number;
};

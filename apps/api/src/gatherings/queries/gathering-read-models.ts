import { gatheringsProjection } from '@app/projections';

/** The read models the gathering list and detail read, for read-your-writes (`minPosition`). */
export const GATHERING_READ_MODELS = [gatheringsProjection.name] as const;

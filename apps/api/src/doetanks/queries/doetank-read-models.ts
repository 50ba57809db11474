import { doetanksProjection } from '@app/projections';

/** The read models the doetank list and detail read, for read-your-writes (`minPosition`). */
export const DOETANK_READ_MODELS = [doetanksProjection.name] as const;

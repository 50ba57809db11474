import { Query } from '@nestjs/cqrs';
import type { GatheringKind, GatheringStatus } from '@app/contracts';
import type { GatheringPageDto } from '../gathering.response.dto';

export interface GatheringFilters {
  kind?: GatheringKind;
  year?: number;
  status?: GatheringStatus;
}

/** Gatherings, latest start first. */
export class ListGatheringsQuery extends Query<GatheringPageDto> {
  constructor(
    readonly filters: GatheringFilters,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { GatheringDetailDto } from '../gathering.response.dto';

/** A gathering with registrations, attendance and programme. */
export class GetGatheringQuery extends Query<GatheringDetailDto> {
  constructor(readonly gatheringId: string) {
    super();
  }
}

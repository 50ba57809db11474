import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GATHERINGS_COLLECTION, type GatheringDocument } from '@app/contracts';
import { domainError } from '@app/domain';
import { type GatheringDetailDto } from '../gathering.response.dto';
import { getShown, ReadModelHandler } from '../../../read-models/read-page';
import { GetGatheringQuery } from './get-gathering.query';

/** The domain's own refusal for an unknown gathering (404 `GATHERING.NOT_FOUND`). */
export const gatheringNotFound = (gatheringId: string) =>
  domainError('GATHERING.NOT_FOUND', { id: gatheringId });

@QueryHandler(GetGatheringQuery)
export class GetGatheringHandler extends ReadModelHandler implements IQueryHandler<GetGatheringQuery> {
  async execute({ gatheringId }: GetGatheringQuery): Promise<GatheringDetailDto> {
    return getShown<GatheringDocument>(this.store, GATHERINGS_COLLECTION, gatheringId, gatheringNotFound);
  }
}

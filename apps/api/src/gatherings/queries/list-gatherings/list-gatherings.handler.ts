import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GATHERINGS_COLLECTION, type GatheringDocument } from '@app/contracts';
import { type GatheringPageDto, type GatheringSummaryDto } from '../gathering.response.dto';
import { type FieldCondition, type SortField } from '@app/read-store';
import { listPage, shownFields, ReadModelHandler } from '../../../read-models/read-page';
import { ListGatheringsQuery, type GatheringFilters } from './list-gatherings.query';

/** The order every gathering index declares after its leading field. */
const LATEST_FIRST: readonly SortField[] = [{ field: 'startsAt', order: 'desc' }];

/** In the order in which they drive an index (`by_year`, `by_kind`, `by_status`; `by_start` without). */
const gatheringFilter = ({ year, kind, status }: GatheringFilters): Record<string, FieldCondition> => ({
  ...(year !== undefined && { year }),
  ...(kind !== undefined && { kind }),
  ...(status !== undefined && { status }),
});

export const toGatheringSummary = (gathering: GatheringDocument): GatheringSummaryDto =>
  shownFields(gathering, [
    'id',
    'kind',
    'title',
    'startsAt',
    'year',
    'venue',
    'city',
    'capacity',
    'status',
    'registeredCount',
    'attendedCount',
    'heldOn',
    'cancelReason',
  ]);

@QueryHandler(ListGatheringsQuery)
export class ListGatheringsHandler extends ReadModelHandler implements IQueryHandler<ListGatheringsQuery> {
  execute({ filters, limit, cursor }: ListGatheringsQuery): Promise<GatheringPageDto> {
    const request = { filter: gatheringFilter(filters), sort: LATEST_FIRST, limit, cursor };
    return listPage(this.store, GATHERINGS_COLLECTION, request, toGatheringSummary);
  }
}

import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Retrospective } from '@app/contracts';
import { readRetrospective } from '@app/projections';
import { GetRetrospectiveQuery } from './get-retrospective.query';
import { ReadModelHandler } from '../../../read-models/read-page';

/**
 * Reads the figures of the years up to the year and that year's lists (see `readRetrospective`) and assembles the
 * report; totals at the year's end are sums of the yearly deltas. A year without activity gives a well-formed
 * report with zeros.
 */
@QueryHandler(GetRetrospectiveQuery)
export class GetRetrospectiveHandler
  extends ReadModelHandler
  implements IQueryHandler<GetRetrospectiveQuery>
{
  execute({ year }: GetRetrospectiveQuery): Promise<Retrospective> {
    return readRetrospective(this.store, year);
  }
}

import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DOETANKS_COLLECTION, type DoetankDocument } from '@app/contracts';
import { type DoetankPageDto, type DoetankSummaryDto } from '../doetank.response.dto';
import { type FieldCondition, type SortField } from '@app/read-store';
import { listPage, shownFields, startsWith, ReadModelHandler } from '../../../read-models/read-page';
import { ListDoetanksQuery, type DoetankFilters } from './list-doetanks.query';

/** The order every Doetank index declares after its leading field. */
const RECENTLY_ACTIVE: readonly SortField[] = [{ field: 'lastActivityAt', order: 'desc' }];

/**
 * A search by title: by the title key the prefix found, then by title (`by_title_key`'s order), each Doetank once,
 * at its first matching key; the store reads a page of that index, however many titles match.
 */
const BY_TITLE_KEY: readonly SortField[] = [{ field: 'titleKeys' }, { field: 'title' }];

/**
 * In the order in which they drive an index (`by_member`, `by_title_key`, `by_theme`, `by_stage`;
 * `recently_active` without).
 */
const doetankFilter = ({ member, theme, stage, q }: DoetankFilters): Record<string, FieldCondition> => ({
  ...(member !== undefined && { memberIds: member }),
  ...(q !== undefined && { titleKeys: startsWith(q) }),
  ...(theme !== undefined && { themeId: theme }),
  ...(stage !== undefined && { stage }),
});

export const toDoetankSummary = (doetank: DoetankDocument): DoetankSummaryDto => ({
  ...shownFields(doetank, ['id', 'title', 'stage', 'themeId', 'proposedBy', 'coachId']),
  ...(doetank.client !== undefined && { clientOrganisation: doetank.client.organisation }),
  ...shownFields(doetank, [
    'memberIds',
    'resultCount',
    'lessonCount',
    'proposedAt',
    'startedAt',
    'concludedAt',
    'stoppedAt',
    'lastActivityAt',
  ]),
});

@QueryHandler(ListDoetanksQuery)
export class ListDoetanksHandler extends ReadModelHandler implements IQueryHandler<ListDoetanksQuery> {
  execute({ filters, limit, cursor }: ListDoetanksQuery): Promise<DoetankPageDto> {
    const sort = filters.q === undefined ? RECENTLY_ACTIVE : BY_TITLE_KEY;
    const request = { filter: doetankFilter(filters), sort, limit, cursor };
    return listPage(this.store, DOETANKS_COLLECTION, request, toDoetankSummary);
  }
}

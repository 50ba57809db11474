import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MEMBERS_COLLECTION, type MemberDocument } from '@app/contracts';
import { type MemberDirectoryEntryDto, type MemberDirectoryPageDto } from './list-members.response.dto';
import { type FieldCondition, type SortField } from '@app/read-store';
import { listPage, shownFields, startsWith, ReadModelHandler } from '../../../read-models/read-page';
import { ListMembersQuery, type MemberFilters } from './list-members.query';

/** Filtered: by name, along the filter's index (`by_doetank`, `by_organisation`, `by_sector`, `by_status`). */
const BY_NAME: readonly SortField[] = [{ field: 'name', order: 'asc' }];
/**
 * A search by name (`q`): by the name key the prefix found, then by name (`by_name_key`'s order), each member once,
 * at its first matching key. "de" lists "De Boer, Anna" under "de boer anna" before "Jan de Vries" under "de vries",
 * as a person typing the start of a word expects. The store reads a page of that index, however many names match.
 */
const BY_NAME_KEY: readonly SortField[] = [{ field: 'nameKeys' }, { field: 'name' }];
/** Unfiltered: newest members first (`newest_members`); the store has no index on the name alone. */
const NEWEST_FIRST: readonly SortField[] = [{ field: 'joinedAt', order: 'desc' }];

/** In the order in which they drive an index: the most selective first. */
const memberFilter = ({
  doetank,
  organisation,
  sector,
  status,
  q,
}: MemberFilters): Record<string, FieldCondition> => ({
  ...(doetank !== undefined && { doetankIds: doetank }),
  ...(q !== undefined && { nameKeys: startsWith(q) }),
  ...(organisation !== undefined && { organisation }),
  ...(sector !== undefined && { sector }),
  ...(status !== undefined && { status }),
});

/** A directory entry: everything but the e-mail address (personal data; who may see it is decided later). */
export const toDirectoryEntry = (member: MemberDocument): MemberDirectoryEntryDto => ({
  id: member.id,
  name: member.status === 'forgotten' ? null : member.name,
  forgotten: member.status === 'forgotten',
  ...shownFields(member, [
    'organisation',
    'sector',
    'role',
    'status',
    'joinedAt',
    'leftAt',
    'forgottenAt',
    'doetankIds',
    'memberOf',
    'coachOf',
  ]),
});

@QueryHandler(ListMembersQuery)
export class ListMembersHandler extends ReadModelHandler implements IQueryHandler<ListMembersQuery> {
  execute({ filters, limit, cursor }: ListMembersQuery): Promise<MemberDirectoryPageDto> {
    const filter = memberFilter(filters);
    const sort =
      filters.q !== undefined ? BY_NAME_KEY : Object.keys(filter).length === 0 ? NEWEST_FIRST : BY_NAME;
    return listPage(this.store, MEMBERS_COLLECTION, { filter, sort, limit, cursor }, toDirectoryEntry);
  }
}

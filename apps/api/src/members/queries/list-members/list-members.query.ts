import { Query } from '@nestjs/cqrs';
import type { MemberStatus, Sector } from '@app/contracts';
import type { MemberDirectoryPageDto } from './list-members.response.dto';
import { membersProjection } from '@app/projections';

export const MEMBER_READ_MODELS = [membersProjection.name] as const;

export interface MemberFilters {
  status?: MemberStatus;
  sector?: Sector;
  organisation?: string;
  doetank?: string;
  /** Members with a word of their name that starts with this text (accents and case ignored). */
  q?: string;
}

/** The member directory, without e-mail addresses. */
export class ListMembersQuery extends Query<MemberDirectoryPageDto> {
  constructor(
    readonly filters: MemberFilters,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

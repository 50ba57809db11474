import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEMBER_STATUSES,
  type MemberStatus,
  MEMBER_ROLES,
  SECTORS,
  type MemberRole,
  type Sector,
} from '@app/contracts';
import { NEXT_CURSOR_DESCRIPTION } from '../../../read-models/read-model-query.dto';

/**
 * A member in the directory. No e-mail address: it is personal data, and who may see it is not decided yet. A
 * forgotten member has no name (`name: null`, `forgotten: true`); organisation, sector and role stay.
 */
export class MemberDirectoryEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once the member is forgotten.' })
  name!: string | null;
  @ApiProperty({ description: 'The member was forgotten: show "forgotten member".' }) forgotten!: boolean;
  @ApiProperty() organisation!: string;
  @ApiProperty({ enum: [...SECTORS], enumName: 'Sector' }) sector!: Sector;
  @ApiProperty({ enum: [...MEMBER_ROLES], enumName: 'MemberRole' }) role!: MemberRole;
  @ApiProperty({ enum: [...MEMBER_STATUSES], enumName: 'MemberStatus' }) status!: MemberStatus;
  @ApiProperty({ description: 'Business time (ISO-8601, UTC).' }) joinedAt!: string;
  @ApiPropertyOptional() leftAt?: string;
  @ApiPropertyOptional() forgottenAt?: string;
  @ApiProperty({ type: [String], description: 'Doetanks they are a member or the coach of.' })
  doetankIds!: string[];
  @ApiProperty({ type: [String] }) memberOf!: string[];
  @ApiProperty({ type: [String] }) coachOf!: string[];
}

export class MemberDirectoryPageDto {
  @ApiProperty({ type: [MemberDirectoryEntryDto] }) items!: MemberDirectoryEntryDto[];
  @ApiPropertyOptional({ description: NEXT_CURSOR_DESCRIPTION }) nextCursor?: string;
}

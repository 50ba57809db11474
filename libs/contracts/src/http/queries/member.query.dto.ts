import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { MEMBER_STATUSES, type MemberStatus } from '../../read-models/member.read-model';
import { MEMBER_ROLES, SECTORS, type MemberRole, type Sector } from '../../vocabulary';
import { LIMITS } from '../limits';
import { ENTITY_ID_PATTERN, IsText } from '../validation';
import { NEXT_CURSOR_DESCRIPTION, PagedQueryDto } from './read-model-query.dto';

/** `GET /members`: the member directory. */
export class MembersQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: [...MEMBER_STATUSES], enumName: 'MemberStatus' })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ enum: [...SECTORS], enumName: 'Sector' })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({
    description: 'Members of this organisation (exact spelling).',
    maxLength: LIMITS.organisation,
    example: 'Gemeente Utrecht',
  })
  @IsOptional()
  @IsText(LIMITS.organisation)
  organisation?: string;

  @ApiPropertyOptional({ description: 'Members or the coach of this Doetank.', format: 'uuid' })
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, { message: '$property must be a lowercase UUID' })
  doetank?: string;
}

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

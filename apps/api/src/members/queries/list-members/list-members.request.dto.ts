import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { MEMBER_STATUSES, type MemberStatus, SECTORS, type Sector, LIMITS } from '@app/contracts';
import { IsText } from '../../../shared/validation';
import { IdFilter, PagedQueryDto } from '../../../read-models/read-model-query.dto';

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

  @IdFilter('Members or the coach of this Doetank.')
  doetank?: string;

  @ApiPropertyOptional({
    description:
      'Search by name as someone types it: members with a word of their name that starts with this text, ' +
      'accents and case ignored (`jan d`, `boe` and `de bo` find "Jan de Boer"). Sorted by name.',
    maxLength: LIMITS.name,
    example: 'jan d',
  })
  @IsOptional()
  @IsText(LIMITS.name)
  @Matches(/[\p{L}\p{N}]/u, { message: 'q must contain a letter or a digit' })
  q?: string;
}

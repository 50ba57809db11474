import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  DOETANK_STAGES,
  type DoetankStage,
  ENTITY_ID_PATTERN,
  THEME_ID_PATTERN_SOURCE,
  LIMITS,
} from '@app/contracts';
import { IsText, IsThemeId } from '../../../shared/validation';
import { PagedQueryDto } from '../../../read-models/read-model-query.dto';

/** `GET /doetanks`: Doetanks, most recently active first. */
export class DoetanksQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: [...DOETANK_STAGES], enumName: 'DoetankStage', description: 'Current stage.' })
  @IsOptional()
  @IsIn(DOETANK_STAGES)
  stage?: DoetankStage;

  @ApiPropertyOptional({
    description: 'Doetanks working on this theme.',
    pattern: THEME_ID_PATTERN_SOURCE,
    example: '2013-sociaal-domein',
  })
  @IsOptional()
  @IsThemeId()
  theme?: string;

  @ApiPropertyOptional({
    description: 'Doetanks this member currently belongs to (as a member; the coach is `coachId`).',
    format: 'uuid',
  })
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, { message: '$property must be a lowercase UUID' })
  member?: string;

  @ApiPropertyOptional({
    description:
      'Search by title as someone types it: Doetanks with a word of their title that starts with this text, ' +
      'accents and case ignored (`gem z` and `zonder` find "De gemeente zonder huis"). Sorted by title.',
    maxLength: LIMITS.title,
    example: 'gemeente z',
  })
  @IsOptional()
  @IsText(LIMITS.title)
  @Matches(/[\p{L}\p{N}]/u, { message: 'q must contain a letter or a digit' })
  q?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DOETANK_STAGES, type DoetankStage, LIMITS } from '@app/contracts';
import { IsText } from '../../../shared/validation';
import { IdFilter, ThemeFilter, PagedQueryDto } from '../../../read-models/read-model-query.dto';

/** `GET /doetanks`: Doetanks, most recently active first. */
export class DoetanksQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: [...DOETANK_STAGES], enumName: 'DoetankStage', description: 'Current stage.' })
  @IsOptional()
  @IsIn(DOETANK_STAGES)
  stage?: DoetankStage;

  @ThemeFilter('Doetanks working on this theme.')
  theme?: string;

  @IdFilter('Doetanks this member currently belongs to (as a member; the coach is `coachId`).')
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

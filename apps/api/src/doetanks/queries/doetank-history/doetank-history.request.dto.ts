import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_HISTORY_PAGE = 1000;

/** `GET /doetanks/:doetankId/history`: one page of the Doetank's events, oldest first. */
export class DoetankHistoryQueryDto {
  @ApiPropertyOptional({ description: 'First revision of the page (inclusive)', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  from?: number;

  @ApiPropertyOptional({ description: 'Page size', minimum: 1, maximum: MAX_HISTORY_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_PAGE)
  limit?: number;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, Min } from 'class-validator';

/** `GET /doetanks/:doetankId/state`: the Doetank as it was at a revision or a moment (business time). */
export class DoetankStateQueryDto {
  @ApiPropertyOptional({ description: 'State after this revision (0 is the proposal)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;

  @ApiPropertyOptional({
    description:
      'State at this moment of business time (ISO 8601): every event that occurred at or before it',
    example: '2012-11-22T18:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  at?: string;
}

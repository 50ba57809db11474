import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, Max, Min } from 'class-validator';

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

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Revision in the Doetank stream, from 0' }) revision!: number;
  @ApiProperty({ description: 'Global position in the event log' }) position!: number;
  @ApiProperty({ example: 'DoetankStarted' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'occurredAt, recordedAt, actorId, correlationId, causationId, schemaVersion',
  })
  metadata!: Record<string, unknown>;
}

export class DoetankHistoryResponseDto {
  @ApiProperty() doetankId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Revision of the newest event of the stream' }) currentRevision!: number;
  @ApiProperty({ type: [AuditEventDto] }) events!: AuditEventDto[];
  @ApiPropertyOptional({ description: 'Pass as `from` for the next page; absent on the last page' })
  nextFrom?: number;
}

export class DoetankStateResponseDto {
  @ApiProperty() doetankId!: string;
  @ApiProperty({ description: 'Revision of the last event folded into this state' }) revision!: number;
  @ApiProperty({ description: 'Business time of that event' }) occurredAt!: string;
  @ApiProperty({ description: 'Revision of the newest event of the stream' }) currentRevision!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The decider state, as JSON' })
  state!: Record<string, unknown>;
}

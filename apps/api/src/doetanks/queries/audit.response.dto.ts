import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StreamIntegrityDto } from './stream-integrity.dto';

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
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'What the event changed in the Doetank: per field of its state, `before` and `after`, or for a list ' +
      '(members, results, lessons) what was `added` and `removed`. Only in the history.',
    example: [{ field: 'coachId', before: '6f1c…', after: '9a2d…' }],
  })
  changes?: { field: string; before?: unknown; after?: unknown; added?: unknown[]; removed?: unknown[] }[];
  @ApiPropertyOptional({
    description: 'Why, where the command gave a reason (a stop, a coach change, a leave)',
  })
  reason?: string;
  @ApiPropertyOptional({
    description:
      'The business time as corrected by a later BusinessTimeCorrected event (metadata.occurredAt keeps the time recorded)',
    format: 'date-time',
  })
  correctedOccurredAt?: string;
}

export class DoetankHistoryResponseDto {
  @ApiProperty() doetankId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Revision of the newest event of the stream' }) currentRevision!: number;
  @ApiProperty({ type: [AuditEventDto] }) events!: AuditEventDto[];
  @ApiPropertyOptional({ description: 'Pass as `from` for the next page; absent on the last page' })
  nextFrom?: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description:
      'Names of the members the events on this page name (actors and members), by id, from the member ' +
      'directory; null for a forgotten member. No e-mail addresses. Ids that are not members are left out.',
  })
  names!: Record<string, string | null>;
  @ApiProperty({
    type: StreamIntegrityDto,
    description: "Whether the Doetank's hash chain verifies (every page)",
  })
  integrity!: StreamIntegrityDto;
}

export class DoetankStateResponseDto {
  @ApiProperty() doetankId!: string;
  @ApiProperty({ description: 'Revision of the last event folded into this state' }) revision!: number;
  @ApiProperty({ description: 'Business time of that event' }) occurredAt!: string;
  @ApiProperty({ description: 'Revision of the newest event of the stream' }) currentRevision!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The decider state, as JSON' })
  state!: Record<string, unknown>;
}

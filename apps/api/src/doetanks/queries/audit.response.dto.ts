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
}

export class DoetankHistoryResponseDto {
  @ApiProperty() doetankId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Revision of the newest event of the stream' }) currentRevision!: number;
  @ApiProperty({ type: [AuditEventDto] }) events!: AuditEventDto[];
  @ApiPropertyOptional({ description: 'Pass as `from` for the next page; absent on the last page' })
  nextFrom?: number;
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

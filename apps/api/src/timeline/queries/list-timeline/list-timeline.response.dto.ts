import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TIMELINE_KINDS } from '@app/contracts';
import { NEXT_CURSOR_DESCRIPTION } from '../../../read-models/read-model-query.dto';

/** One entry of the timeline: what happened, to whom, and a readable summary. */
export class TimelineItemDto {
  @ApiProperty({ description: 'The event id.', format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Position of the event in the store (the tie-breaker after occurredAt).' })
  position!: number;
  @ApiProperty({
    description: 'Business time (ISO-8601, UTC), as corrected.',
    example: '2012-11-22T18:30:00.000Z',
  })
  occurredAt!: string;
  @ApiPropertyOptional({
    description:
      'The business time the event was recorded with, when a correction (BusinessTimeCorrected) moved it.',
    example: '2012-12-22T18:30:00.000Z',
  })
  recordedOccurredAt?: string;
  @ApiProperty({ example: 2012 }) year!: number;
  @ApiProperty({ description: '`YYYY-MM` of occurredAt.', example: '2012-11' }) month!: string;
  @ApiProperty({ description: 'The event type.', example: 'ResultShared' }) type!: string;
  @ApiProperty({ enum: [...TIMELINE_KINDS], enumName: 'TimelineKind' }) kind!: string;
  @ApiProperty({ description: 'Who acted: a member id or `system`.' }) actorId!: string;
  @ApiProperty({ description: 'Every member the event names (at most 500).', type: [String] })
  memberIds!: string[];
  @ApiPropertyOptional({ format: 'uuid' }) doetankId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) gatheringId?: string;
  @ApiProperty({ type: [String], description: 'Themes it concerns: its own, or its Doetank’s.' })
  themeIds!: string[];
  @ApiPropertyOptional({ format: 'uuid' }) discussionId?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What the entry keeps per event type (titles, kinds, ids); never names or e-mail addresses of members.',
  })
  details!: Record<string, unknown>;
  @ApiProperty({
    description:
      'A readable sentence in the requested language, with current names (a forgotten member is "vergeten lid" / ' +
      '"forgotten member").',
    example:
      "Anna Bakker deelde een business case 'Businesscase flexwerken' uit Doetank 'De gemeente zonder huis'",
  })
  summary!: string;
}

export class TimelinePageDto {
  @ApiProperty({ type: [TimelineItemDto] }) items!: TimelineItemDto[];
  @ApiPropertyOptional({ description: NEXT_CURSOR_DESCRIPTION })
  nextCursor?: string;
  @ApiPropertyOptional({
    description: 'How many entries the filters match in all; only when asked with `total=true`.',
    example: 412,
  })
  total?: number;
}

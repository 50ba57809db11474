import { ApiProperty } from '@nestjs/swagger';

/** One event a command wrote. */
export class WrittenEventDto {
  @ApiProperty({
    description: 'Event id (UUID), unique across the store.',
    format: 'uuid',
    example: '0f5c3a1e-8b2d-4e7f-9a6c-1d3b5e7f9a20',
  })
  id!: string;

  @ApiProperty({ description: 'Event type, past tense.', example: 'ResultShared' })
  type!: string;

  @ApiProperty({
    description: 'Revision of the event in its stream (0-based).',
    type: 'integer',
    minimum: 0,
    example: 7,
  })
  revision!: number;

  @ApiProperty({
    description: 'Global position of the event in the store.',
    type: 'integer',
    minimum: 0,
    example: 1842,
  })
  position!: number;
}

/** What a command returns when it was accepted and its events are stored. */
export class CommandAcceptedResponseDto {
  @ApiProperty({
    description: 'Stream the events were written to.',
    example: 'doetank-8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35',
  })
  streamId!: string;

  @ApiProperty({
    description: 'Id of the aggregate the command addressed (also of a newly created one).',
    format: 'uuid',
    example: '8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35',
  })
  aggregateId!: string;

  @ApiProperty({
    description: 'Revision of the stream after the command (0-based: the revision of its last event).',
    type: 'integer',
    minimum: 0,
    example: 7,
  })
  revision!: number;

  @ApiProperty({
    description:
      'Global position of the last event written. Read models report the position they have caught up to; wait ' +
      'until it reaches this one to read your own writes.',
    type: 'integer',
    minimum: 0,
    example: 1842,
  })
  position!: number;

  @ApiProperty({
    description:
      'The events written, in order. Empty when the command changed nothing (e.g. a replayed request with the same ' +
      'Idempotency-Key returns the first result).',
    type: () => [WrittenEventDto],
  })
  events!: WrittenEventDto[];
}

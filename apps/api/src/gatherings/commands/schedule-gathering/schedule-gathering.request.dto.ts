import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { GATHERING_KINDS, type GatheringKind, LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsDateTime, IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/** `POST /gatherings`: schedule a Café, the yearly Grand Café or a Masterclass. */
export class ScheduleGatheringRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the new gathering, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
    example: '9c2e4a6b-1d3f-4a5c-8e7b-0f2d4c6a8e91',
  })
  @IsOmittable()
  @IsEntityId()
  gatheringId?: string;

  @ApiProperty({
    description: 'Kind of gathering.',
    enum: [...GATHERING_KINDS],
    enumName: 'GatheringKind',
    example: 'grand-cafe',
  })
  @IsIn(GATHERING_KINDS)
  kind!: GatheringKind;

  @ApiProperty({
    description: 'Title of the gathering.',
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Grand Café Slimmernetwerk 2013',
  })
  @IsText(LIMITS.title)
  title!: string;

  @ApiProperty({
    description:
      'When the gathering starts, as an ISO 8601 date-time with seconds and a UTC offset. May lie in the past when ' +
      'importing history.',
    type: String,
    format: 'date-time',
    example: '2013-11-21T15:00:00+01:00',
  })
  @IsDateTime()
  startsAt!: string;

  @ApiProperty({
    description: 'Where it takes place.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Beurs van Berlage',
  })
  @IsText(LIMITS.name)
  venue!: string;

  @ApiPropertyOptional({
    description: 'City of the venue.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Amsterdam',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  city?: string;

  @ApiProperty({
    description: 'Most participants that can register.',
    type: 'integer',
    minimum: 1,
    maximum: LIMITS.capacity,
    example: 100,
  })
  @IsInt()
  @Min(1)
  @Max(LIMITS.capacity)
  capacity!: number;
}

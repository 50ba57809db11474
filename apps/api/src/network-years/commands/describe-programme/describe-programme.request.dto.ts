import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsListOf, IsOmittable, IsText } from '../../../shared/validation';
import {
  ConsortiumMemberRequestDto,
  EDITORIAL_LIST_LIMIT,
  FunderRequestDto,
  IsCalendarDate,
} from '../../editorial.request.dto';

/**
 * `PUT /network-years/:year/programmes/:programmeId`: the programme the network is part of, recorded in the year it
 * was announced (name, goals, consortium, funder); it replaces an earlier description of the same programme.
 */
export class DescribeProgrammeRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: "The programme's name.",
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Innoveren door professionals, versterking en groei Slimmernetwerk',
  })
  @IsText(LIMITS.title)
  name!: string;

  @ApiPropertyOptional({
    description: `Its goals, one per entry (at most ${EDITORIAL_LIST_LIMIT}).`,
    type: [String],
    maxItems: EDITORIAL_LIST_LIMIT,
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(EDITORIAL_LIST_LIMIT)
  // Blank goals are refused by the domain (NETWORK.TEXT_REQUIRED), which trims each one.
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.description, { each: true })
  goals?: string[];

  @ApiProperty({
    description: `The organisations that carry it (1 to ${EDITORIAL_LIST_LIMIT}).`,
    type: () => [ConsortiumMemberRequestDto],
    minItems: 1,
    maxItems: EDITORIAL_LIST_LIMIT,
  })
  @IsListOf(() => ConsortiumMemberRequestDto, { min: 1, max: EDITORIAL_LIST_LIMIT })
  consortium!: ConsortiumMemberRequestDto[];

  @ApiProperty({ description: 'Who pays, and through which scheme.', type: () => FunderRequestDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FunderRequestDto)
  funder!: FunderRequestDto;

  @ApiProperty({
    description: 'The date it was announced (YYYY-MM-DD), in the year of the path.',
    example: '2011-12-13',
  })
  @IsCalendarDate()
  announcedOn!: string;

  @ApiPropertyOptional({
    description:
      'True when the record reconstructs the year with invented detail: the report and web page then say so.',
    example: false,
  })
  @IsOmittable()
  @IsBoolean()
  reconstruction?: boolean;
}

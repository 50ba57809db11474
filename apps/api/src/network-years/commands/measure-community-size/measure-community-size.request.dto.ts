import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsOmittable, IsText } from '../../../shared/validation';
import { IsCalendarDate } from '../../editorial.request.dto';

/** The largest community size accepted: far above any group the network could have. */
export const COMMUNITY_SIZE_LIMIT = 10_000_000;

/**
 * `POST /network-years/:year/community-sizes`: the size of a community around the network (its LinkedIn group) on
 * a day, distinct from registered members; a second count of the same community and day replaces the first.
 */
export class MeasureCommunitySizeRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: "The community's name.",
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'LinkedIn-groep Slimmernetwerk',
  })
  @IsText(LIMITS.name)
  community!: string;

  @ApiProperty({
    description: 'Its size on the day.',
    minimum: 0,
    maximum: COMMUNITY_SIZE_LIMIT,
    example: 3000,
  })
  @IsInt()
  @Min(0)
  @Max(COMMUNITY_SIZE_LIMIT)
  size!: number;

  @ApiPropertyOptional({ description: 'True when the size is approximate ("about 3,000").', example: true })
  @IsOmittable()
  @IsBoolean()
  approximate?: boolean;

  @ApiProperty({
    description: 'The day of the count (YYYY-MM-DD), in the year of the path.',
    example: '2012-12-04',
  })
  @IsCalendarDate()
  measuredOn!: string;

  @ApiPropertyOptional({ description: 'Where the community is (http or https).', maxLength: LIMITS.url })
  @IsOmittable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, disallow_auth: true })
  @MaxLength(LIMITS.url)
  link?: string;
}

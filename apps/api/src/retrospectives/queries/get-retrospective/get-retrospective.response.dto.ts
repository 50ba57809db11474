import { ApiProperty } from '@nestjs/swagger';

const figures = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: true, description });

const entries = (description?: string) =>
  ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    ...(description !== undefined && { description }),
  });

/**
 * `GET /retrospectives/:year`: the annual retrospective ("terugblik"), see the `Retrospective` read-model type for
 * every field. Every sector, role, result kind and gathering kind is present (0 if none); a year without activity
 * gives the same shape with zeros.
 */
export class RetrospectiveResponseDto {
  @ApiProperty({ example: 2012 }) year!: number;
  @figures('joined, left, forgotten, totalAtYearEnd, and joined/totalAtYearEnd by sector and by role')
  members!: Record<string, unknown>;
  @figures('The funnel: proposed, started, concluded, stopped in the year; activeAtYearEnd')
  doetanks!: Record<string, unknown>;
  @figures('total and byKind (business-case, film, report, tool, lesson)') results!: Record<string, unknown>;
  @ApiProperty({ description: 'Lessons recorded in the year.' }) lessons!: number;
  @figures('held, attendance, firstTimeAttendees, cancelled, registrations, byKind, and the list held')
  gatherings!: Record<string, unknown>;
  @figures('started, closed') discussions!: Record<string, unknown>;
  @entries() partners!: Record<string, unknown>[];
  @entries() supporters!: Record<string, unknown>[];
  @entries("The year's themes with the Doetanks proposed under each: { themeId, title, doetanks }")
  themes!: Record<string, unknown>[];
  @entries('12 entries { month: YYYY-MM, events, byKind }')
  activityPerMonth!: Record<string, unknown>[];
  @entries('12 entries { month, change, total }: active members at the end of each month')
  memberGrowthPerMonth!: Record<string, unknown>[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The headline figures of the year before; null when the network has no earlier history',
  })
  previousYear!: Record<string, unknown> | null;
  @figures('Per headline figure: { current, previous, change }') trend!: Record<string, unknown>;
  @figures('results, bestAttendedGathering, lessons') highlights!: Record<string, unknown>;
}

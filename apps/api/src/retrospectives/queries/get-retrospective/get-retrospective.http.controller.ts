import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReadModelQueryDto } from '../../../read-models/read-model-query.dto';
import { RetrospectiveResponseDto } from './get-retrospective.response.dto';
import { ApiYearParam, YearParamPipe } from '../../../commands/params';
import { ApiReadModel } from '../../../read-models/api-read-model.decorator';
import { ReadConsistency } from '../../../read-models/read-consistency';
import { GetRetrospectiveQuery, RETROSPECTIVE_READ_MODELS } from './get-retrospective.query';
import { PublicRead } from '../../../auth/access.decorators';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Retrospectives')
@Controller('retrospectives')
export class GetRetrospectiveHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
  ) {}

  @Get(':year')
  @Shows('a year’s retrospective (JSON)')
  @PublicRead()
  @ApiYearParam()
  @ApiReadModel({
    summary: 'The annual retrospective ("terugblik") of a year, as JSON',
    description:
      'Members joined and total at year end (by sector and role); the Doetank funnel; results by kind and ' +
      'lessons; gatherings by kind with attendance and first-time attendees; discussions; partners and ' +
      'supporters; Doetanks per theme; activity per month; the year before and the trend; highlights. Years and ' +
      'months are those of business time. A year without activity is a report with zeros (200, never 404); ' +
      '`previousYear` is null when the network has no history before it.',
    type: RetrospectiveResponseDto,
  })
  get(
    @Param('year', YearParamPipe) year: number,
    @Query() query: ReadModelQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.reads.answer(reply, RETROSPECTIVE_READ_MODELS, query.minPosition, () =>
      this.queryBus.execute(new GetRetrospectiveQuery(year)),
    );
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DoetankHistoryQueryDto } from './doetank-history.request.dto';
import { DoetankHistoryResponseDto } from '../audit.response.dto';
import { ProblemDetailsDto } from '../../../problem-details/problem-details.dto';
import { uuidParam } from '../../../commands/params';
import { DoetankHistoryQuery } from './doetank-history.query';
import { Allow } from '../../../auth/access.decorators';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Audit')
@Controller('doetanks')
export class DoetankHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':doetankId/history')
  @Shows('a Doetank’s audit history')
  // The audit (who did what, when) is for signed-in readers: auditors and funders have observer tokens.
  @Allow('coordinator', 'member', 'observer')
  @ApiOperation({
    summary: "A Doetank's full history",
    description:
      'Every event of the Doetank in order, as stored: revision, global position, type, data and metadata ' +
      '(business time, recording time, actor, correlation and causation). Paged by revision.',
  })
  @ApiOkResponse({ type: DoetankHistoryResponseDto })
  @ApiBadRequestResponse({ type: ProblemDetailsDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  history(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Query() query: DoetankHistoryQueryDto,
  ) {
    return this.queryBus.execute(new DoetankHistoryQuery(doetankId, query.from ?? 0, query.limit ?? 100));
  }
}

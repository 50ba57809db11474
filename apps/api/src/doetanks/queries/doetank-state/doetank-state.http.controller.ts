import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DoetankStateQueryDto } from './doetank-state.request.dto';
import { DoetankStateResponseDto } from '../audit.response.dto';
import { ProblemDetailsDto } from '../../../problem-details/problem-details.dto';
import { uuidParam } from '../../../commands/params';
import { DoetankStateQuery } from './doetank-state.query';
import { Allow } from '../../../auth/access.decorators';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Audit')
@Controller('doetanks')
export class DoetankStateHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':doetankId/state')
  @Shows('a Doetank’s state at a revision or moment')
  // The audit (who did what, when) is for signed-in readers: auditors and funders have observer tokens.
  @Allow('coordinator', 'member', 'observer')
  @ApiOperation({
    summary: 'A Doetank as it was at a revision or a moment',
    description:
      'Folds the stream up to `revision`, or over every event that occurred at or before `at` (business time). ' +
      'Without either, the current state.',
  })
  @ApiOkResponse({ type: DoetankStateResponseDto })
  @ApiBadRequestResponse({ type: ProblemDetailsDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  state(@Param('doetankId', uuidParam('doetankId')) doetankId: string, @Query() query: DoetankStateQueryDto) {
    return this.queryBus.execute(
      new DoetankStateQuery(doetankId, { revision: query.revision, at: query.at }),
    );
  }
}

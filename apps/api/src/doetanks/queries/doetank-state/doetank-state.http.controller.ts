import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../commands/params';
import { Shows } from '../../../routes/route.decorators';
import { ApiAudit } from '../api-audit.decorator';
import { DoetankStateResponseDto } from '../audit.response.dto';
import { DoetankStateQuery } from './doetank-state.query';
import { DoetankStateQueryDto } from './doetank-state.request.dto';

@ApiTags('Audit')
@Controller('doetanks')
export class DoetankStateHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':doetankId/state')
  @Shows('a Doetank’s state at a revision or moment')
  @ApiAudit({
    summary: 'A Doetank as it was at a revision or a moment',
    description:
      'Folds the stream up to `revision`, or over every event that occurred at or before `at` (business time). ' +
      'Without either, the current state.',
    type: DoetankStateResponseDto,
  })
  state(@UuidParam('doetankId') doetankId: string, @Query() query: DoetankStateQueryDto) {
    const { revision, at } = query;
    return this.queryBus.execute(new DoetankStateQuery(doetankId, { revision, at }));
  }
}

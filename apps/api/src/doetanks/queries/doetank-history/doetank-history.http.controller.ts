import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../commands/params';
import { Shows } from '../../../routes/route.decorators';
import { ApiAudit } from '../api-audit.decorator';
import { DoetankHistoryResponseDto } from '../audit.response.dto';
import { DoetankHistoryQuery } from './doetank-history.query';
import { DoetankHistoryQueryDto } from './doetank-history.request.dto';

@ApiTags('Audit')
@Controller('doetanks')
export class DoetankHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':doetankId/history')
  @Shows('a Doetank’s audit history')
  @ApiAudit({
    summary: "A Doetank's full history",
    description:
      'Every event of the Doetank in order, as stored: revision, global position, type, data and metadata ' +
      '(business time, recording time, actor, correlation and causation). Paged by revision.',
    type: DoetankHistoryResponseDto,
  })
  history(@UuidParam('doetankId') doetankId: string, @Query() query: DoetankHistoryQueryDto) {
    return this.queryBus.execute(new DoetankHistoryQuery(doetankId, query.from ?? 0, query.limit ?? 100));
  }
}

import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MemberDirectoryPageDto } from './list-members.response.dto';
import { MembersQueryDto } from './list-members.request.dto';
import { PAGE_LIMITS } from '../../../read-models/read-model-query.dto';
import { ApiReadModel } from '../../../read-models/api-read-model.decorator';
import { ReadConsistency } from '../../../read-models/read-consistency';
import { ListMembersQuery, MEMBER_READ_MODELS } from './list-members.query';
import { Allow } from '../../../auth/access.decorators';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Members')
@Controller('members')
export class ListMembersHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
  ) {}

  @Get()
  @Shows('member directory (names, no e-mail)')
  // Names are personal data: for members of the network, not for anonymous readers.
  @Allow('coordinator', 'member', 'observer')
  @ApiReadModel({
    summary: 'The member directory',
    description:
      'Members with organisation, sector, role, status and their Doetanks; never e-mail addresses. A forgotten ' +
      'member has `name: null` and `forgotten: true` (show "forgotten member"). With a filter, sorted by name ' +
      '(forgotten members, who have none, first); without, newest members first. Filters combine.',
    type: MemberDirectoryPageDto,
  })
  list(@Query() query: MembersQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { status, sector, organisation, doetank, q } = query;
    return this.reads.answer(reply, MEMBER_READ_MODELS, query.minPosition, () =>
      this.queryBus.execute(
        new ListMembersQuery(
          { status, sector, organisation, doetank, q },
          query.limit ?? PAGE_LIMITS.default,
          query.cursor,
        ),
      ),
    );
  }
}

import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../../problem-details/problem-details.dto';
import { Allow, MemberActsAs } from '../../auth/access.decorators';
import { UuidParam } from '../../commands/params';
import { GetPersonalDataQuery } from './get-personal-data.query';
import { Shows } from '../../routes/route.decorators';

@ApiTags('Members')
@Controller('members')
export class GetPersonalDataHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':memberId/personal-data')
  @Shows('a member’s name and e-mail')
  @Allow('coordinator', 'member')
  @MemberActsAs('path', 'memberId')
  @ApiOperation({
    summary: "A member's personal data (name and e-mail address)",
    description:
      'For coordinators and the member themself. Read from the member\u2019s own stream, opened with their key; ' +
      'after ForgetMember, `name` and `email` are null and `forgotten` is true.',
  })
  @ApiOkResponse({ description: '`{ memberId, name, email, forgotten }`' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  get(@UuidParam('memberId') memberId: string) {
    return this.queryBus.execute(new GetPersonalDataQuery(memberId));
  }
}

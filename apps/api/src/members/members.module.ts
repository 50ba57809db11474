import { Module } from '@nestjs/common';
import { ChangeAffiliationHandler } from './commands/change-affiliation/change-affiliation.handler';
import { ChangeAffiliationHttpController } from './commands/change-affiliation/change-affiliation.http.controller';
import { EmailClaims } from './email-claims';
import { PersonalDataErasure } from './erasure/personal-data-erasure';
import { GetPersonalDataHandler } from './personal-data/get-personal-data.handler';
import { GetPersonalDataHttpController } from './personal-data/get-personal-data.http.controller';
import { ForgetMemberHandler } from './commands/forget-member/forget-member.handler';
import { ForgetMemberHttpController } from './commands/forget-member/forget-member.http.controller';
import { JoinNetworkHandler } from './commands/join-network/join-network.handler';
import { JoinNetworkHttpController } from './commands/join-network/join-network.http.controller';
import { LeaveNetworkHandler } from './commands/leave-network/leave-network.handler';
import { LeaveNetworkHttpController } from './commands/leave-network/leave-network.http.controller';
import { RevokeMemberTokensHandler } from './commands/revoke-member-tokens/revoke-member-tokens.handler';
import { RevokeMemberTokensHttpController } from './commands/revoke-member-tokens/revoke-member-tokens.http.controller';

@Module({
  controllers: [
    JoinNetworkHttpController,
    ChangeAffiliationHttpController,
    LeaveNetworkHttpController,
    RevokeMemberTokensHttpController,
    ForgetMemberHttpController,
    GetPersonalDataHttpController,
  ],
  providers: [
    JoinNetworkHandler,
    ChangeAffiliationHandler,
    LeaveNetworkHandler,
    RevokeMemberTokensHandler,
    ForgetMemberHandler,
    PersonalDataErasure,
    EmailClaims,
    GetPersonalDataHandler,
  ],
})
export class MembersModule {}

import { Module } from '@nestjs/common';
import { ChangeAffiliationHttpController } from './commands/change-affiliation/change-affiliation.http.controller';
import { CorrectMemberBusinessTimeHttpController } from './commands/correct-member-business-time/correct-member-business-time.http.controller';
import { EmailClaims } from './email-claims';
import { PersonalDataErasure } from './erasure/personal-data-erasure';
import { GetPersonalDataHandler } from './personal-data/get-personal-data.handler';
import { GetPersonalDataHttpController } from './personal-data/get-personal-data.http.controller';
import { ForgetMemberHandler } from './commands/forget-member/forget-member.handler';
import { ForgetMemberHttpController } from './commands/forget-member/forget-member.http.controller';
import { JoinNetworkHandler } from './commands/join-network/join-network.handler';
import { JoinNetworkHttpController } from './commands/join-network/join-network.http.controller';
import { LeaveNetworkHttpController } from './commands/leave-network/leave-network.http.controller';
import { RevokeMemberTokensHttpController } from './commands/revoke-member-tokens/revoke-member-tokens.http.controller';

@Module({
  controllers: [
    JoinNetworkHttpController,
    ChangeAffiliationHttpController,
    LeaveNetworkHttpController,
    RevokeMemberTokensHttpController,
    ForgetMemberHttpController,
    CorrectMemberBusinessTimeHttpController,
    GetPersonalDataHttpController,
  ],
  providers: [
    JoinNetworkHandler,
    ForgetMemberHandler,
    PersonalDataErasure,
    EmailClaims,
    GetPersonalDataHandler,
  ],
})
export class MembersModule {}

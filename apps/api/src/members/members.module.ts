import { Module } from '@nestjs/common';
import { ChangeAffiliationHttpController } from './commands/change-affiliation/change-affiliation.http.controller';
import { PersonalDataErasure } from './erasure/personal-data-erasure';
import { GetPersonalDataHandler } from './personal-data/get-personal-data.handler';
import { GetPersonalDataHttpController } from './personal-data/get-personal-data.http.controller';
import { ForgetMemberHandler } from './commands/forget-member/forget-member.handler';
import { ForgetMemberHttpController } from './commands/forget-member/forget-member.http.controller';
import { JoinNetworkHandler } from './commands/join-network/join-network.handler';
import { JoinNetworkHttpController } from './commands/join-network/join-network.http.controller';
import { LeaveNetworkHttpController } from './commands/leave-network/leave-network.http.controller';

@Module({
  controllers: [
    JoinNetworkHttpController,
    ChangeAffiliationHttpController,
    LeaveNetworkHttpController,
    ForgetMemberHttpController,
    GetPersonalDataHttpController,
  ],
  providers: [JoinNetworkHandler, ForgetMemberHandler, PersonalDataErasure, GetPersonalDataHandler],
})
export class MembersModule {}

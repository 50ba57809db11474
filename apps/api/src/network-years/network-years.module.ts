import { Module } from '@nestjs/common';
import { AddSupporterHttpController } from './commands/add-supporter/add-supporter.http.controller';
import { AppointStrategicPartnerHttpController } from './commands/appoint-strategic-partner/appoint-strategic-partner.http.controller';
import { DescribeProgrammeHttpController } from './commands/describe-programme/describe-programme.http.controller';
import { MeasureCommunitySizeHttpController } from './commands/measure-community-size/measure-community-size.http.controller';
import { PublishNetworkResultHttpController } from './commands/publish-network-result/publish-network-result.http.controller';
import { WriteForewordHttpController } from './commands/write-foreword/write-foreword.http.controller';
import { DefineYearThemesHttpController } from './commands/define-year-themes/define-year-themes.http.controller';

@Module({
  controllers: [
    DefineYearThemesHttpController,
    AppointStrategicPartnerHttpController,
    AddSupporterHttpController,
    WriteForewordHttpController,
    DescribeProgrammeHttpController,
    PublishNetworkResultHttpController,
    MeasureCommunitySizeHttpController,
  ],
})
export class NetworkYearsModule {}

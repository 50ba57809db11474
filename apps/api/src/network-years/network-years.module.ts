import { Module } from '@nestjs/common';
import { AddSupporterHttpController } from './commands/add-supporter/add-supporter.http.controller';
import { AppointStrategicPartnerHttpController } from './commands/appoint-strategic-partner/appoint-strategic-partner.http.controller';
import { DefineYearThemesHttpController } from './commands/define-year-themes/define-year-themes.http.controller';

@Module({
  controllers: [
    DefineYearThemesHttpController,
    AppointStrategicPartnerHttpController,
    AddSupporterHttpController,
  ],
})
export class NetworkYearsModule {}

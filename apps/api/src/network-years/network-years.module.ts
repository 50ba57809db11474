import { Module } from '@nestjs/common';
import { AddSupporterHandler } from './commands/add-supporter/add-supporter.handler';
import { AddSupporterHttpController } from './commands/add-supporter/add-supporter.http.controller';
import { AppointStrategicPartnerHandler } from './commands/appoint-strategic-partner/appoint-strategic-partner.handler';
import { AppointStrategicPartnerHttpController } from './commands/appoint-strategic-partner/appoint-strategic-partner.http.controller';
import { DefineYearThemesHandler } from './commands/define-year-themes/define-year-themes.handler';
import { DefineYearThemesHttpController } from './commands/define-year-themes/define-year-themes.http.controller';

@Module({
  controllers: [
    DefineYearThemesHttpController,
    AppointStrategicPartnerHttpController,
    AddSupporterHttpController,
  ],
  providers: [DefineYearThemesHandler, AppointStrategicPartnerHandler, AddSupporterHandler],
})
export class NetworkYearsModule {}

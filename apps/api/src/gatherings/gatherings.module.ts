import { Module } from '@nestjs/common';
import { RecordGatheringReportHandler } from './commands/record-gathering-report/record-gathering-report.handler';
import { RecordGatheringReportHttpController } from './commands/record-gathering-report/record-gathering-report.http.controller';
import { AddProgrammeItemHandler } from './commands/add-programme-item/add-programme-item.handler';
import { AddProgrammeItemHttpController } from './commands/add-programme-item/add-programme-item.http.controller';
import { CancelGatheringHandler } from './commands/cancel-gathering/cancel-gathering.handler';
import { CancelGatheringHttpController } from './commands/cancel-gathering/cancel-gathering.http.controller';
import { CancelRegistrationHandler } from './commands/cancel-registration/cancel-registration.handler';
import { CancelRegistrationHttpController } from './commands/cancel-registration/cancel-registration.http.controller';
import { RecordGatheringHeldHandler } from './commands/record-gathering-held/record-gathering-held.handler';
import { RecordGatheringHeldHttpController } from './commands/record-gathering-held/record-gathering-held.http.controller';
import { RegisterForGatheringHandler } from './commands/register-for-gathering/register-for-gathering.handler';
import { RegisterForGatheringHttpController } from './commands/register-for-gathering/register-for-gathering.http.controller';
import { ScheduleGatheringHandler } from './commands/schedule-gathering/schedule-gathering.handler';
import { ScheduleGatheringHttpController } from './commands/schedule-gathering/schedule-gathering.http.controller';

@Module({
  controllers: [
    ScheduleGatheringHttpController,
    RegisterForGatheringHttpController,
    CancelRegistrationHttpController,
    AddProgrammeItemHttpController,
    RecordGatheringReportHttpController,
    RecordGatheringHeldHttpController,
    CancelGatheringHttpController,
  ],
  providers: [
    ScheduleGatheringHandler,
    RegisterForGatheringHandler,
    CancelRegistrationHandler,
    AddProgrammeItemHandler,
    RecordGatheringReportHandler,
    RecordGatheringHeldHandler,
    CancelGatheringHandler,
  ],
})
export class GatheringsModule {}

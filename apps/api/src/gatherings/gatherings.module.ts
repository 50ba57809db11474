import { Module } from '@nestjs/common';
import { RecordGatheringReportHttpController } from './commands/record-gathering-report/record-gathering-report.http.controller';
import { AddProgrammeItemHttpController } from './commands/add-programme-item/add-programme-item.http.controller';
import { CancelGatheringHttpController } from './commands/cancel-gathering/cancel-gathering.http.controller';
import { CancelRegistrationHttpController } from './commands/cancel-registration/cancel-registration.http.controller';
import { RecordGatheringHeldHttpController } from './commands/record-gathering-held/record-gathering-held.http.controller';
import { RegisterForGatheringHttpController } from './commands/register-for-gathering/register-for-gathering.http.controller';
import { CorrectGatheringBusinessTimeHttpController } from './commands/correct-gathering-business-time/correct-gathering-business-time.http.controller';
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
    CorrectGatheringBusinessTimeHttpController,
  ],
})
export class GatheringsModule {}

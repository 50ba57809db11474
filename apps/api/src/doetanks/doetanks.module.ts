import { Module } from '@nestjs/common';
import { AssignCoachHttpController } from './commands/assign-coach/assign-coach.http.controller';
import { ConcludeDoetankHttpController } from './commands/conclude-doetank/conclude-doetank.http.controller';
import { JoinDoetankHttpController } from './commands/join-doetank/join-doetank.http.controller';
import { LeaveDoetankHttpController } from './commands/leave-doetank/leave-doetank.http.controller';
import { ProposeDoetankHandler } from './commands/propose-doetank/propose-doetank.handler';
import { ProposeDoetankHttpController } from './commands/propose-doetank/propose-doetank.http.controller';
import { RecordLessonHttpController } from './commands/record-lesson/record-lesson.http.controller';
import { SecureClientHttpController } from './commands/secure-client/secure-client.http.controller';
import { ShareResultHttpController } from './commands/share-result/share-result.http.controller';
import { SharpenProblemStatementHttpController } from './commands/sharpen-problem-statement/sharpen-problem-statement.http.controller';
import { StartDoetankHttpController } from './commands/start-doetank/start-doetank.http.controller';
import { StopDoetankHttpController } from './commands/stop-doetank/stop-doetank.http.controller';
import { CorrectBusinessTimeHttpController } from './commands/correct-business-time/correct-business-time.http.controller';
import { DoetankHistoryHandler } from './queries/doetank-history/doetank-history.handler';
import { DoetankHistoryHttpController } from './queries/doetank-history/doetank-history.http.controller';
import { DoetankStateHandler } from './queries/doetank-state/doetank-state.handler';
import { DoetankStateHttpController } from './queries/doetank-state/doetank-state.http.controller';

/** Doetanks: their command endpoints and their audit (history and state at any moment, from the stream). */
@Module({
  controllers: [
    ProposeDoetankHttpController,
    SharpenProblemStatementHttpController,
    AssignCoachHttpController,
    SecureClientHttpController,
    StartDoetankHttpController,
    JoinDoetankHttpController,
    LeaveDoetankHttpController,
    ShareResultHttpController,
    RecordLessonHttpController,
    ConcludeDoetankHttpController,
    StopDoetankHttpController,
    CorrectBusinessTimeHttpController,
    DoetankHistoryHttpController,
    DoetankStateHttpController,
  ],
  providers: [ProposeDoetankHandler, DoetankHistoryHandler, DoetankStateHandler],
})
export class DoetanksModule {}

// TEMPORARY (development only): wires the read-model modules until app.module.ts imports them. Remove before hand-off.
import { AppModule } from '../src/app.module';
import { DoetankQueriesModule } from '../src/doetanks/doetank-queries.module';
import { GatheringQueriesModule } from '../src/gatherings/gathering-queries.module';
import { MemberQueriesModule } from '../src/members/member-queries.module';
import { RetrospectivesModule } from '../src/retrospectives/retrospectives.module';
import { TimelineModule } from '../src/timeline/timeline.module';

const original = AppModule.forRoot.bind(AppModule);
jest.spyOn(AppModule, 'forRoot').mockImplementation((options) => {
  const module = original(options);
  return {
    ...module,
    imports: [
      ...(module.imports ?? []),
      TimelineModule,
      DoetankQueriesModule,
      MemberQueriesModule,
      GatheringQueriesModule,
      RetrospectivesModule,
    ],
  };
});

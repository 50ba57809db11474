import { DynamicModule, Module } from '@nestjs/common';
import { PROJECTOR_OPTIONS, ProjectorService, type ProjectorOptions } from './projector.service';
import { SealService } from './seal.service';

/**
 * The projector as a Nest module; needs EVENT_STORE, READ_STORE and PERSONAL_DATA_TRANSFORMER (opens the personal
 * data of events, so projections see plain or "forgotten" data) from the host application (StoresModule).
 */
@Module({})
export class ProjectorModule {
  static forRoot(options: ProjectorOptions): DynamicModule {
    return {
      module: ProjectorModule,
      global: true,
      providers: [{ provide: PROJECTOR_OPTIONS, useValue: options }, ProjectorService, SealService],
      exports: [ProjectorService],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { PROJECTOR_OPTIONS, ProjectorService, type ProjectorOptions } from './projector.service';

/** The projector as a Nest module; needs EVENT_STORE and READ_STORE from the host application. */
@Module({})
export class ProjectorModule {
  static forRoot(options: ProjectorOptions): DynamicModule {
    return {
      module: ProjectorModule,
      global: true,
      providers: [{ provide: PROJECTOR_OPTIONS, useValue: options }, ProjectorService],
      exports: [ProjectorService],
    };
  }
}

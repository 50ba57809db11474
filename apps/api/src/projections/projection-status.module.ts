import { Module } from '@nestjs/common';
import { ProjectionStatusHttpController } from './projection-status.http.controller';

/** `GET /projections`: where each read model stands (ProjectorService comes from the global ProjectorModule). */
@Module({ controllers: [ProjectionStatusHttpController] })
export class ProjectionStatusModule {}

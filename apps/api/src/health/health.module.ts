import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProjectionsHealthIndicator, StoresHealthIndicator } from '@app/projections/nest';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [StoresHealthIndicator, ProjectionsHealthIndicator],
})
export class HealthModule {}

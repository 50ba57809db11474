export * from './projector.module';
export * from './projector.service';
export * from './health.indicators';
export * from './projector-thread';
export * from './projection-metrics';
export * from './seal.service';
export * from './process-start';

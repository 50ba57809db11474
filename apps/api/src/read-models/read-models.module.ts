import { Module } from '@nestjs/common';
import { ReadConsistency } from './read-consistency';

/** What every read-model endpoint shares: read-your-writes. Imported by each query module. */
@Module({ providers: [ReadConsistency], exports: [ReadConsistency] })
export class ReadModelsModule {}

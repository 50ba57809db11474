import { Query } from '@nestjs/cqrs';
import type { DoetankStateResponseDto } from '../audit.response.dto';

/** The Doetank after `revision`, or as it was at business time `at`; the current state when neither is given. */
export class DoetankStateQuery extends Query<DoetankStateResponseDto> {
  constructor(
    readonly doetankId: string,
    readonly point: { revision?: number; at?: string },
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { DoetankDetailDto } from '@app/contracts';

/** A Doetank as the read model shows it. */
export class GetDoetankQuery extends Query<DoetankDetailDto> {
  constructor(readonly doetankId: string) {
    super();
  }
}

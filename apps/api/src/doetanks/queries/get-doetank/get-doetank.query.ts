import { Query } from '@nestjs/cqrs';
import type { DoetankDetailDto } from '../doetank.response.dto';

/** A Doetank as the read model shows it. */
export class GetDoetankQuery extends Query<DoetankDetailDto> {
  constructor(readonly doetankId: string) {
    super();
  }
}

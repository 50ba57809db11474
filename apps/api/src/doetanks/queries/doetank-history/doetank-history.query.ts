import { Query } from '@nestjs/cqrs';
import type { DoetankHistoryResponseDto } from '@app/contracts';

export class DoetankHistoryQuery extends Query<DoetankHistoryResponseDto> {
  constructor(
    readonly doetankId: string,
    readonly from: number,
    readonly limit: number,
  ) {
    super();
  }
}

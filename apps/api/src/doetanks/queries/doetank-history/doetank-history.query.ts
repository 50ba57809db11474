import { Query } from '@nestjs/cqrs';
import type { DoetankHistoryResponseDto } from '../audit.response.dto';

export class DoetankHistoryQuery extends Query<DoetankHistoryResponseDto> {
  constructor(
    readonly doetankId: string,
    readonly from: number,
    readonly limit: number,
  ) {
    super();
  }
}

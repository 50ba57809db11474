import { Query } from '@nestjs/cqrs';
import type { DoetankStage } from '@app/contracts';
import type { DoetankPageDto } from '../doetank.response.dto';

export interface DoetankFilters {
  stage?: DoetankStage;
  theme?: string;
  member?: string;
  /** Words of the title as someone types them. */
  q?: string;
}

/** Doetanks, most recently active first. */
export class ListDoetanksQuery extends Query<DoetankPageDto> {
  constructor(
    readonly filters: DoetankFilters,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { Retrospective } from '@app/contracts';
import { retrospectivesProjection } from '@app/projections';

export const RETROSPECTIVE_READ_MODELS = [retrospectivesProjection.name] as const;

/** The annual retrospective ("terugblik") of a year. */
export class GetRetrospectiveQuery extends Query<Retrospective> {
  constructor(readonly year: number) {
    super();
  }
}

import type { Projection } from './projection';
import { doetanksProjection } from './doetanks/doetanks.projection';
import { gatheringsProjection } from './gatherings/gatherings.projection';
import { membersProjection } from './members/members.projection';
import { networkYearsProjection } from './network-years/network-years.projection';
import { retrospectivesProjection } from './retrospectives/retrospectives.projection';
import { timelineProjection } from './timeline/timeline.projection';

/** Every read model of the system, in the order the projector starts them. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  timelineProjection,
  doetanksProjection,
  membersProjection,
  gatheringsProjection,
  retrospectivesProjection,
  networkYearsProjection,
];

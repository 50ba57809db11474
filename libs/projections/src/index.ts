export * from './projection';
export * from './timeline/timeline.projection';
export * from './timeline/timeline-summary';
export * from './doetanks/doetanks.projection';
export * from './members/members.projection';
export * from './gatherings/gatherings.projection';
export * from './retrospectives';
export * from './all-projections';

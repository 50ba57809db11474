export * from './read-model-query.dto';
export * from './period';
export * from './year';
export * from './timeline.query.dto';
export * from './doetank.query.dto';
export * from './member.query.dto';
export * from './gathering.query.dto';
export * from './retrospective.query.dto';

export * from './doetank.read-model';
export * from './gathering.read-model';
export * from './member.read-model';
export * from './retrospective.read-model';
export * from './timeline.read-model';
export * from './network-year.read-model';

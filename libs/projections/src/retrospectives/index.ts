export * from './retrospective.assemble';
export * from './retrospective.read';
export { emptyRetrospectiveYear } from './retrospective-year';
export * from './retrospectives.projection';

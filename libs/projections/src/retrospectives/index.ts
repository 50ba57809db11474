export * from './retrospective.assemble';
export { emptyRetrospectiveYear } from './retrospective-year';
export * from './retrospectives.projection';

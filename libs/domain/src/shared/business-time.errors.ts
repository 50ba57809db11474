import { rule, type ErrorTable } from './domain-error';

/** Refusals of business time that would run backwards, whatever the aggregate. */
export const businessTimeErrors = {
  /**
   * A command dated before something it depends on: the stream's previous event, the start of the Doetank, the
   * member's joining the network. Both times are named, so the sender can see which one to fix.
   */
  'BUSINESS_TIME.BEFORE_DEPENDENCY': rule(
    (p: { command: string; occurredAt: string; dependency: string; dependencyAt: string }) =>
      `${p.command} is dated ${p.occurredAt}, before ${p.dependency} at ${p.dependencyAt}; business time cannot run backwards`,
  ),
} as const satisfies ErrorTable;

/**
 * The domain of the network: a pure decider per aggregate, its commands, states, errors (one table of codes) and helpers.
 * Test helpers live in `@app/domain/testing`, not here.
 */
export * from './domain-errors';
export * from './shared/actor';
export * from './shared/business-time';
export * from './shared/command-context-error';
export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/member-status';
export * from './shared/validation';

export * from './member/member.commands';
export * from './member/member.state';
export * from './member/member.decider';
export * from './member/member-acts';
export * from './member/member-correction';
export * from './member/email-claim.decider';

export * from './doetank/doetank.commands';
export * from './doetank/doetank.state';
export * from './doetank/doetank.decider';

export * from './gathering/gathering.commands';
export * from './gathering/gathering.state';
export * from './gathering/gathering.decider';

export * from './network-year/network-year.commands';
export * from './network-year/network-year.state';
export * from './network-year/network-year.decider';

export * from './discussion/discussion.commands';
export * from './discussion/discussion.state';
export * from './discussion/discussion.decider';

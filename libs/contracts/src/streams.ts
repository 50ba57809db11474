/**
 * Stream names: one stream per aggregate instance, `<category>-<id>`. The category prefix is what the
 * projector and the EventStoreDB subscription filter on.
 */
export const STREAM_CATEGORIES = [
  'member',
  'member_email',
  'doetank',
  'gathering',
  'network',
  'discussion',
  'audit_seal',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export const streams = {
  member: (memberId: string) => `member-${memberId}`,
  memberEmail: (emailHash: string) => `member_email-${emailHash}`,
  doetank: (doetankId: string) => `doetank-${doetankId}`,
  gathering: (gatheringId: string) => `gathering-${gatheringId}`,
  networkYear: (year: number) => `network-${year}`,
  discussion: (discussionId: string) => `discussion-${discussionId}`,
  /** The one stream of the store's seals (libs/event-store, integrity/seal.ts). */
  auditSeal: 'audit_seal-store',
} as const;

/** Splits `doetank-<id>` into its category and id; undefined for a stream of another system. */
export const parseStreamName = (stream: string): { category: StreamCategory; id: string } | undefined => {
  const dash = stream.indexOf('-');
  if (dash <= 0) return undefined;
  const category = stream.slice(0, dash) as StreamCategory;
  if (!STREAM_CATEGORIES.includes(category)) return undefined;
  return { category, id: stream.slice(dash + 1) };
};

/** The year a theme id belongs to: theme ids start with their year (`2013-...`). */
export const themeYear = (themeId: string): number | undefined => {
  const match = /^(\d{4})-/.exec(themeId);
  return match ? Number(match[1]) : undefined;
};

import { SYSTEM_STREAM_PREFIXES, escapeRegex, selects, subscriptionFilter } from './esdb-filter';

describe('EventStoreDB event selection', () => {
  it("covers this system's stream categories", () => {
    expect(SYSTEM_STREAM_PREFIXES).toEqual([
      'member-',
      'member_email-',
      'doetank-',
      'gathering-',
      'network-',
      'discussion-',
      'audit_seal-',
    ]);
  });

  describe('the server-side filter', () => {
    it('filters on stream-name prefixes when no types are given', () => {
      expect(subscriptionFilter({ streamPrefixes: ['doetank-', 'member-'] })).toMatchObject({
        filterOn: 'streamName',
        prefixes: ['doetank-', 'member-'],
        checkpointInterval: 1,
      });
    });

    it('matches event types exactly, not as prefixes', () => {
      const filter = subscriptionFilter({
        streamPrefixes: ['doetank-'],
        eventTypes: ['MemberJoined', 'A.B'],
      });
      expect(filter).toMatchObject({ filterOn: 'eventType' });
      const regex = new RegExp((filter as { regex: string }).regex);
      expect(regex.test('MemberJoined')).toBe(true);
      expect(regex.test('A.B')).toBe(true);
      expect(regex.test('MemberJoinedDoetank')).toBe(false);
      expect(regex.test('AxB')).toBe(false);
      expect(regex.test('$metadata')).toBe(false);
    });

    it('matches nothing for an empty list of types', () => {
      const filter = subscriptionFilter({ streamPrefixes: ['doetank-'], eventTypes: [] });
      expect(new RegExp((filter as { regex: string }).regex).test('Anything')).toBe(false);
    });

    it('escapes regex characters', () => {
      expect(escapeRegex('a.b*c$(d)')).toBe('a\\.b\\*c\\$\\(d\\)');
    });
  });

  describe('the client-side predicate', () => {
    const wanted = selects({ streamPrefixes: ['doetank-', 'member-'] });

    it("keeps this system's streams and drops others and system events", () => {
      expect(wanted({ streamId: 'doetank-1', type: 'DoetankProposed' })).toBe(true);
      expect(wanted({ streamId: 'member-9', type: 'MemberJoined' })).toBe(true);
      expect(wanted({ streamId: 'invoice-1', type: 'InvoiceSent' })).toBe(false);
      expect(wanted({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(false);
      expect(wanted({ streamId: 'doetank-1', type: '$metadata' })).toBe(false);
    });

    it('narrows to the given types', () => {
      const typed = selects({ streamPrefixes: ['doetank-'], eventTypes: ['ResultShared'] });
      expect(typed({ streamId: 'doetank-1', type: 'ResultShared' })).toBe(true);
      expect(typed({ streamId: 'doetank-1', type: 'DoetankStarted' })).toBe(false);
      expect(typed({ streamId: 'member-1', type: 'ResultShared' })).toBe(false);
    });
  });
});

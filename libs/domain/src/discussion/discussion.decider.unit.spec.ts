import type { DiscussionEvent, DiscussionStarted } from '@app/contracts';
import { CommandContextError } from '../shared/command-context-error';
import type { MemberStatus } from '../shared/member-status';
import { deciderSpec } from '../testing';
import type { CloseDiscussion, StartDiscussion } from './discussion.commands';
import { discussionDecider } from './discussion.decider';
import { discussionExists } from './discussion.state';

const spec = deciderSpec(discussionDecider);
let sequence = 0;

const aDiscussion = () => {
  sequence += 1;
  const discussionId = `discussion-spec-${sequence}`;
  const starter = `member-${sequence}`;
  const started: DiscussionStarted = {
    type: 'DiscussionStarted',
    data: {
      discussionId,
      title: 'Wat maakt een goede opdrachtgever?',
      link: 'https://www.linkedin.example/groups/slimmernetwerk/42',
      startedBy: starter,
    },
  };
  const start = (
    overrides: Partial<StartDiscussion['data']> = {},
    context: Partial<StartDiscussion['context']> = {},
    status: MemberStatus = 'active',
  ): StartDiscussion => ({
    type: 'StartDiscussion',
    data: { ...started.data, ...overrides },
    context: { starter: { memberId: starter, status }, ...context },
  });
  const close: CloseDiscussion = { type: 'CloseDiscussion', data: { discussionId } };
  const closed: DiscussionEvent = { type: 'DiscussionClosed', data: { discussionId } };
  return { discussionId, starter, started, start, close, closed };
};

describe('Discussion', () => {
  describe('when it does not exist', () => {
    it('is started by an active member with a title and a link', () => {
      const d = aDiscussion();
      const state = spec.given([]).when(d.start()).then([d.started]);
      expect(discussionExists(state)).toBe(true);
    });

    it('may refer to a defined theme and an existing Doetank', () => {
      const d = aDiscussion();
      spec
        .given([])
        .when(
          d.start(
            { themeId: '2013-open-data', doetankId: 'doetank-7' },
            { themeDefined: true, doetankExists: true },
          ),
        )
        .then([
          {
            type: 'DiscussionStarted',
            data: { ...d.started.data, themeId: '2013-open-data', doetankId: 'doetank-7' },
          },
        ]);
    });

    it('refuses a starter who left the network', () => {
      const d = aDiscussion();
      spec
        .given([])
        .when(d.start({}, {}, 'left'))
        .thenThrows('DISCUSSION.STARTER_NOT_ACTIVE');
    });

    it('refuses a blank title', () => {
      const d = aDiscussion();
      spec
        .given([])
        .when(d.start({ title: ' ' }))
        .thenThrows('DISCUSSION.TITLE_REQUIRED');
    });

    it.each(['', 'linkedin.example/groups/42', 'mailto:groep@example.nl'])('refuses the link %p', (link) => {
      const d = aDiscussion();
      spec.given([]).when(d.start({ link })).thenThrows('DISCUSSION.INVALID_LINK');
    });

    it('refuses a theme that is not defined', () => {
      const d = aDiscussion();
      const error = spec
        .given([])
        .when(d.start({ themeId: '2013-onbekend' }, { themeDefined: false }))
        .thenThrows('DISCUSSION.UNKNOWN_THEME');
      expect(error.category).toBe('not-found');
    });

    it('refuses a Doetank that does not exist', () => {
      const d = aDiscussion();
      spec
        .given([])
        .when(d.start({ doetankId: 'doetank-404' }, { doetankExists: false }))
        .thenThrows('DISCUSSION.UNKNOWN_DOETANK');
    });

    it('does not decide on a theme whose existence the handler did not check', () => {
      const d = aDiscussion();
      expect(() =>
        discussionDecider.decide(d.start({ themeId: '2013-open-data' }), discussionDecider.initialState),
      ).toThrow(CommandContextError);
    });

    it('refuses to close it as unknown', () => {
      const d = aDiscussion();
      spec.given([]).when(d.close).thenThrows('DISCUSSION.NOT_FOUND');
    });
  });

  describe('when open', () => {
    it('refuses a second start with the same id', () => {
      const d = aDiscussion();
      spec.given([d.started]).when(d.start()).thenThrows('DISCUSSION.ALREADY_EXISTS');
    });

    it('is closed', () => {
      const d = aDiscussion();
      const state = spec.given([d.started]).when(d.close).then([d.closed]);
      expect(state.status).toBe('closed');
    });
  });

  describe('when closed', () => {
    it('refuses to close again', () => {
      const d = aDiscussion();
      spec.given([d.started, d.closed]).when(d.close).thenThrows('DISCUSSION.ALREADY_CLOSED');
    });
  });
});

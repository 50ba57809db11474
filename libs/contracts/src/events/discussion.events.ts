export interface DiscussionStarted {
  type: 'DiscussionStarted';
  data: {
    discussionId: string;
    title: string;
    /** Where the discussion takes place (the online group); the text itself is not stored here. */
    link: string;
    startedBy: string;
    themeId?: string;
    doetankId?: string;
  };
}

export interface DiscussionClosed {
  type: 'DiscussionClosed';
  data: { discussionId: string };
}

export type DiscussionEvent = DiscussionStarted | DiscussionClosed;

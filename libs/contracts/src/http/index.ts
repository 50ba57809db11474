export * from './command-request.dto';
export * from './limits';
export * from './responses.dto';
export * from './validation';

export * from './member/join-network.request.dto';
export * from './member/change-affiliation.request.dto';
export * from './member/leave-network.request.dto';
export * from './member/forget-member.request.dto';

export * from './doetank/propose-doetank.request.dto';
export * from './doetank/sharpen-problem-statement.request.dto';
export * from './doetank/assign-coach.request.dto';
export * from './doetank/secure-client.request.dto';
export * from './doetank/start-doetank.request.dto';
export * from './doetank/join-doetank.request.dto';
export * from './doetank/leave-doetank.request.dto';
export * from './doetank/share-result.request.dto';
export * from './doetank/record-lesson.request.dto';
export * from './doetank/conclude-doetank.request.dto';
export * from './doetank/stop-doetank.request.dto';

export * from './gathering/schedule-gathering.request.dto';
export * from './gathering/register-for-gathering.request.dto';
export * from './gathering/cancel-registration.request.dto';
export * from './gathering/add-programme-item.request.dto';
export * from './gathering/record-gathering-held.request.dto';
export * from './gathering/cancel-gathering.request.dto';

export * from './network-year/define-year-themes.request.dto';
export * from './network-year/appoint-strategic-partner.request.dto';
export * from './network-year/add-supporter.request.dto';

export * from './discussion/start-discussion.request.dto';
export * from './discussion/close-discussion.request.dto';
export * from './audit/doetank-audit.dto';
export * from './queries';

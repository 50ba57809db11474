import { domainError } from '@app/domain';

/** A Doetank the audit or the read model does not know: the domain's own refusal (404 `DOETANK.NOT_FOUND`). */
export const doetankNotFound = (doetankId: string) => domainError('DOETANK.NOT_FOUND', { id: doetankId });

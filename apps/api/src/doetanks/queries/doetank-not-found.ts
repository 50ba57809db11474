import { NotFoundException } from '@nestjs/common';

/** A Doetank the audit or the read model does not know (404). */
export const doetankNotFound = (doetankId: string) =>
  new NotFoundException({ message: `Doetank ${doetankId} does not exist`, code: 'DOETANK.NOT_FOUND' });

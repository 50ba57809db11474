import type { AuditEventDto } from './audit.response.dto';
import type { RecordedEvent } from '@app/event-store';

/** A stored event as the audit shows it: exactly what is in the log, nothing derived. */
export const toAuditEvent = (event: RecordedEvent): AuditEventDto => ({
  id: event.id,
  revision: event.revision,
  position: event.position,
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: { ...event.metadata },
});

import type { Type } from '@nestjs/common';
import type { CorrectedEvent } from '@app/domain';
import type { Build, BuildWith, Decision } from '../commands/command-endpoint';
import type { BusinessTimeCorrectionRequestDto } from '../shared/business-time-correction.request.dto';
import { commandController, type PathParams } from './command-controller';
import type { CommandName } from './route.decorators';

/** What every correction's command carries from its request, the new time normalised like every business time. */
export interface CorrectionFields {
  revision: number;
  correctedTo: string;
  reason: string;
}

/** What a correction's `build` may use: the target stream's as any command's, and the event it corrects. */
export interface CorrectionBuildWith<State> extends BuildWith<State> {
  /** The aggregate's id (from the path) and its stream. */
  id: string;
  streamId: string;
  /** The event at the corrected revision as stored; undefined when there is none (the decider refuses). */
  corrected: CorrectedEvent | undefined;
}

/**
 * A correction of business time on the stream of one kind of aggregate: its command, what the stream is of ("a
 * Doetank"), its route and body, the rules besides the stream's order (for the OpenAPI description), the target
 * with the id it takes from the path, and how the domain command is built from the fields and the
 * corrected event.
 */
export interface CorrectionRouteDeclaration<Path extends string, Body, Command, State> {
  command: CommandName;
  of: string;
  route: `POST ${Path}`;
  rules?: string;
  body: Type<Body>;
  id: (params: PathParams<Path>) => string;
  build(fields: CorrectionFields, using: CorrectionBuildWith<State>): Promise<Command>;
}

/**
 * The route of a correction of business time (`POST /<aggregates>/:id/business-time-corrections`): a coordinator's
 * act, as it changes what the history, the state at a moment and the read models say, listed under Audit. The one
 * home of what the corrections of every stream share; each declares only its stream and its own rules:
 * `correctionController(onGathering)({ command, of: 'a gathering', route, rules, body, id, build })`.
 */
export const correctionController =
  <Command, State>(target: (id: string, build: Build<Command, State>) => Decision<Command, State>) =>
  <Path extends string, Body extends BusinessTimeCorrectionRequestDto>(
    declaration: CorrectionRouteDeclaration<Path, Body, Command, State>,
  ): Type<unknown> => {
    const { rules } = declaration;
    return commandController({
      command: declaration.command,
      tag: 'Audit',
      summary: `Corrects the business time recorded for one event of ${declaration.of}`,
      description:
        `Appends a BusinessTimeCorrected event to the stream of ${declaration.of} (revision, old and new time, ` +
        'reason; who in its metadata); the corrected event is never rewritten. The new time must stay after the ' +
        'event before it and not after the one that follows (409 BUSINESS_TIME.BEFORE_DEPENDENCY / ' +
        `AFTER_DEPENDENT, naming both times)${rules === undefined ? '.' : `; ${rules}`}`,
      route: declaration.route,
      access: { allow: ['coordinator'] },
      body: declaration.body,
      send: (params, body) => {
        const fields: CorrectionFields = {
          revision: body.revision,
          // Normalised like every business time (the DTO has checked it is a date-time).
          correctedTo: new Date(body.correctedTo).toISOString(),
          reason: body.reason,
        };
        const id = declaration.id(params);
        const decision: Decision<Command, State> = target(id, async (using) =>
          declaration.build(fields, {
            ...using,
            id,
            streamId: decision.streamId,
            corrected: await using.facts.recordedEvent(decision.streamId, fields.revision),
          }),
        );
        return decision;
      },
    });
  };

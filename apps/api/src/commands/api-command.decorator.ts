import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandAcceptedResponseDto } from './command-accepted.dto';
import { ProblemDetailsDto } from '../problem-details/problem-details.dto';
import { SendsCommand, type CommandName } from '../routes/route.decorators';

/**
 * A command endpoint: the command it sends (by the domain's name, which import lines and the access matrix use),
 * its status code, and its OpenAPI: the headers it reads, its success answer, and the problem details it may answer
 * with. `creates` marks endpoints that bring a new aggregate into being (201); `note` qualifies the command in the
 * access matrix. `commandController` applies it, with `@CommandRoute` (the route and who may send it), from a
 * command route's declaration; the route and access decorators document 401 and 403, so this does not.
 */
export function ApiCommand(options: {
  command: CommandName;
  note?: string;
  summary: string;
  description?: string;
  creates?: boolean;
}) {
  const success = options.creates ? ApiCreatedResponse : ApiOkResponse;
  return applyDecorators(
    SendsCommand({ name: options.command, ...(options.note !== undefined && { note: options.note }) }),
    HttpCode(options.creates ? HttpStatus.CREATED : HttpStatus.OK),
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Repeat a request safely: the same key and request give the first answer again and write nothing, also ' +
        'after a restart. Up to 200 visible ASCII characters.',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description:
        'Correlates this command with its cause; written into every event. Defaults to the request id.',
    }),
    ApiHeader({
      name: 'X-Actor-Id',
      required: false,
      description:
        'Coordinators only: the member id (UUID), or "system", of whoever did what is recorded (an import of ' +
        "history); the coordinator is kept as `recordedBy`. Otherwise the actor is the bearer token's subject.",
    }),
    success({
      type: CommandAcceptedResponseDto,
      description: 'Events written; revision and position returned',
    }),
    ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid input; nothing written' }),
    ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'Unknown aggregate' }),
    ApiConflictResponse({
      type: ProblemDetailsDto,
      description: 'A business rule refused it, or the stream kept changing concurrently',
    }),
    ApiPayloadTooLargeResponse({
      type: ProblemDetailsDto,
      description: 'Body larger than the configured limit',
    }),
    ApiUnprocessableEntityResponse({
      type: ProblemDetailsDto,
      description: 'Idempotency-Key already used for a different request',
    }),
  );
}

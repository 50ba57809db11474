import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { ProblemDetailsDto } from '../problem-details/problem-details.dto';
import { READ_MODEL_HEADERS } from './read-model-query.dto';

/**
 * OpenAPI of a read-model endpoint: its answer with the read-your-writes headers, and the problem details it may
 * answer with (`notFound` for detail endpoints).
 */
export function ApiReadModel(options: {
  summary: string;
  description?: string;
  type: Type<unknown>;
  notFound?: string;
}) {
  const readYourWrites =
    ' Read your own writes with `minPosition` (the `position` a command answered with): the answer waits until ' +
    'the read models include that event, a few seconds at most.';
  return applyDecorators(
    ApiOperation({
      summary: options.summary,
      description: `${options.description ?? ''}${readYourWrites}`.trim(),
    }),
    ApiOkResponse({
      type: options.type,
      headers: {
        [READ_MODEL_HEADERS.position]: {
          description:
            'Position of the event store up to which the read models this endpoint reads are complete (the ' +
            'lowest among them); the answer includes every event up to it.',
          schema: { type: 'integer', minimum: 0 },
        },
        [READ_MODEL_HEADERS.consistent]: {
          description:
            'Only with `minPosition`: `true` when the read models reached it before answering, `false` when ' +
            'the wait timed out and the answer may not include that write yet.',
          schema: { type: 'string', enum: ['true', 'false'] },
        },
      },
    }),
    ApiBadRequestResponse({
      type: ProblemDetailsDto,
      description:
        'Invalid query parameter (unknown, malformed, out of range) or a cursor of another listing',
    }),
    ...(options.notFound
      ? [ApiNotFoundResponse({ type: ProblemDetailsDto, description: options.notFound })]
      : []),
    ApiServiceUnavailableResponse({
      type: ProblemDetailsDto,
      description:
        'The read models cannot be read right now (the api is starting and its read store is not reachable yet, ' +
        'or the read store does not answer); try again after `Retry-After` seconds',
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    }),
  );
}

/**
 * OpenAPI of an answer that is a document rather than JSON: the media types it comes in (text, or binary such as
 * a PDF) and, where it is built from read models, how far they were (`position`: what the header tells).
 */
export function ApiDocumentAnswer(options: {
  description: string;
  mediaTypes: string[];
  binary?: boolean;
  position?: string;
  headers?: Record<string, { description: string; schema: { type: 'string' } }>;
}) {
  const schema = options.binary ? { type: 'string', format: 'binary' } : { type: 'string' };
  const headers = {
    ...(options.position && {
      [READ_MODEL_HEADERS.position]: {
        description: options.position,
        schema: { type: 'integer', minimum: 0 },
      },
    }),
    ...options.headers,
  };
  return applyDecorators(
    ApiProduces(...options.mediaTypes),
    ApiOkResponse({
      description: options.description,
      content: Object.fromEntries(options.mediaTypes.map((type) => [type, { schema }])),
      ...(Object.keys(headers).length > 0 && { headers }),
    }),
  );
}

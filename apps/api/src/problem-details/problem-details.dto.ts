import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An error response in the problem-details format of RFC 9457 (`application/problem+json`). */
export class ProblemDetailsDto {
  @ApiProperty({
    description: 'URI reference identifying the kind of problem; `about:blank` when the status says it all.',
    example: 'https://slimmernetwerk.nl/problems/doetank-already-closed',
  })
  type!: string;

  @ApiProperty({
    description: 'Short summary of the kind of problem; the same for every occurrence.',
    example: 'Doetank is closed',
  })
  title!: string;

  @ApiProperty({
    description: 'HTTP status code.',
    type: 'integer',
    minimum: 400,
    maximum: 599,
    example: 409,
  })
  status!: number;

  @ApiProperty({
    description: 'Explanation of this occurrence, for humans.',
    example: 'Doetank 8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35 was concluded; nobody can join it any more.',
  })
  detail!: string;

  @ApiPropertyOptional({
    description: 'URI reference of this occurrence (the request path).',
    example: '/doetanks/8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35/members',
  })
  instance?: string;

  @ApiPropertyOptional({
    description:
      'Stable, machine-readable error code of the domain; safe to branch on, unlike `title` and `detail`.',
    example: 'DOETANK.ALREADY_CLOSED',
  })
  code?: string;

  @ApiPropertyOptional({
    description: 'Validation messages, one per broken rule (400 responses only).',
    type: [String],
    example: ['title must not be blank', 'sharedBy must be a UUID'],
  })
  errors?: string[];

  @ApiPropertyOptional({
    description:
      'The broken rules of a request that failed validation, one per message of `errors`: the field (its path, ' +
      '`links.0.url` inside a list) and the constraint (`isEmail`, `isNotBlank`, `maxLength`, ...), so that a ' +
      'client can show them in its own words; `message` is the English one.',
    type: 'array',
    items: {
      type: 'object',
      required: ['field', 'constraint', 'message'],
      properties: {
        field: { type: 'string', example: 'email' },
        constraint: { type: 'string', example: 'isEmail' },
        message: { type: 'string', example: 'email must be an email' },
      },
    },
  })
  fields?: { field: string; constraint: string; message: string }[];

  @ApiPropertyOptional({
    description: 'Facts that explain a domain refusal (ids, states), safe to show to the caller.',
    type: 'object',
    additionalProperties: true,
    example: { doetankId: '8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35', status: 'concluded' },
  })
  details?: Record<string, unknown>;
}

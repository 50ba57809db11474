import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Allow } from '../../auth/access.decorators';
import { ProblemDetailsDto } from '../../problem-details/problem-details.dto';

/**
 * A route of a Doetank's audit, read from its stream: who may read it and its OpenAPI answers. The audit (who did
 * what, when) is for signed-in readers: auditors and funders have observer tokens.
 */
export const ApiAudit = (options: { summary: string; description: string; type: Type<unknown> }) =>
  applyDecorators(
    Allow('coordinator', 'member', 'observer'),
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiOkResponse({ type: options.type }),
    ApiBadRequestResponse({ type: ProblemDetailsDto }),
    ApiNotFoundResponse({ type: ProblemDetailsDto }),
  );

import { ForbiddenException, UnauthorizedException } from '@nestjs/common';

/**
 * 401: no token where one is needed, or a token that does not verify. Carries the `WWW-Authenticate` challenge
 * (RFC 6750) that ProblemDetailsFilter sends with it.
 */
export class AuthenticationRequiredError extends UnauthorizedException {
  constructor(
    message: string,
    code: 'AUTH.TOKEN_MISSING' | 'AUTH.TOKEN_INVALID' | 'AUTH.TOKEN_REVOKED',
    readonly challenge = code !== 'AUTH.TOKEN_MISSING'
      ? `Bearer realm="slimmernetwerk", error="invalid_token", error_description="${message.replace(/[^\x20-\x7e]|["\\]/g, '')}"`
      : 'Bearer realm="slimmernetwerk"',
  ) {
    super({ message, code });
  }
}

/** 403: a valid token, but this role or member may not do this. */
export const notAllowed = (message: string, code = 'AUTH.FORBIDDEN') =>
  new ForbiddenException({ message, code });

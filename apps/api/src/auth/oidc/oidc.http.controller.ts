import { Controller, Get, Header, HttpException, HttpStatus } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemDetailsDto } from '../../problem-details/problem-details.dto';
import { Shows } from '../../routes/route.decorators';
import { OpenAccess } from '../access.decorators';
import { OidcDiscovery, OidcUnavailableError } from './oidc-discovery';

class SignInSettingsDto {
  @ApiProperty({ description: 'Whether the page may sign readers in with the identity provider' })
  enabled!: boolean;
  @ApiPropertyOptional({ example: 'https://login.example.nl/realms/slimmernetwerk' })
  issuer?: string;
  @ApiPropertyOptional({ example: 'slimmernetwerk-web' })
  clientId?: string;
  @ApiPropertyOptional({ example: 'openid' })
  scopes?: string;
  @ApiPropertyOptional({
    example: 'https://login.example.nl/realms/slimmernetwerk/protocol/openid-connect/auth',
  })
  authorizationEndpoint?: string;
  @ApiPropertyOptional({
    example: 'https://login.example.nl/realms/slimmernetwerk/protocol/openid-connect/token',
  })
  tokenEndpoint?: string;
  @ApiPropertyOptional({
    example: 'https://login.example.nl/realms/slimmernetwerk/protocol/openid-connect/logout',
  })
  endSessionEndpoint?: string;
}

/**
 * What the web page needs to sign a reader in with the identity provider (OpenID Connect, authorization code with
 * PKCE, as a public client): the issuer, the page's client id, the scopes and the provider's endpoints from its
 * discovery document. Nothing here is a secret: a public client has none.
 */
@ApiTags('Sign-in')
@Controller('auth')
export class OidcHttpController {
  constructor(private readonly discovery: OidcDiscovery) {}

  // The page asks before anyone is signed in: no token can be needed.
  @OpenAccess()
  @Get('oidc')
  @Shows('the page’s sign-in with the identity provider')
  @Header('cache-control', 'no-cache')
  @ApiOperation({
    summary: 'Sign-in settings for the web page (OpenID Connect)',
    description:
      '`enabled: false` when AUTH_OIDC_ISSUER is not set; otherwise the issuer, client id and scopes configured and ' +
      "the endpoints of the provider's discovery document. 503 (`AUTH.OIDC_UNAVAILABLE`) while the provider's " +
      'discovery document cannot be read.',
  })
  @ApiOkResponse({ type: SignInSettingsDto })
  @ApiServiceUnavailableResponse({ type: ProblemDetailsDto, description: '`AUTH.OIDC_UNAVAILABLE`' })
  // A 503 gets its Retry-After from the problem-details filter, as every 503.
  async settings(): Promise<SignInSettingsDto> {
    if (!this.discovery.enabled) return { enabled: false };
    try {
      return { enabled: true, ...(await this.discovery.current()) };
    } catch (error) {
      if (!(error instanceof OidcUnavailableError)) throw error;
      throw new HttpException(
        {
          message: 'The identity provider cannot be reached now; sign in with a token, or try again later',
          code: 'AUTH.OIDC_UNAVAILABLE',
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }
}

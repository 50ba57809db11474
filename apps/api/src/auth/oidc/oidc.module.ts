import { Module } from '@nestjs/common';
import { OidcDiscovery } from './oidc-discovery';
import { OidcHttpController } from './oidc.http.controller';

/**
 * Sign-in from the web page with the identity provider (AUTH_OIDC_*): its discovery document, read at start-up,
 * and the settings the page reads (`GET /auth/oidc`). The page's policy allows requests to the provider's token
 * endpoint through `OidcDiscovery.connectOrigins`.
 */
@Module({ controllers: [OidcHttpController], providers: [OidcDiscovery], exports: [OidcDiscovery] })
export class OidcModule {}

import { Module } from '@nestjs/common';
import { OidcModule } from '../auth/oidc/oidc.module';
import { WebHttpController } from './web.http.controller';

/**
 * The web page at `/` (timeline, Doetank pages, links to the reports) and its sign-in with the identity provider
 * (OidcModule). Its assets under `/assets/` are served by `serveWebAssets` (./web-assets), which the app factory
 * registers on Fastify.
 */
@Module({ imports: [OidcModule], controllers: [WebHttpController] })
export class WebModule {}

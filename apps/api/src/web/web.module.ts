import { Module } from '@nestjs/common';
import { WebHttpController } from './web.http.controller';

/**
 * The web page at `/` (timeline, Doetank pages, links to the reports). Its assets under `/assets/` are served by
 * `serveWebAssets` (./web-assets), which the app factory registers on Fastify.
 */
@Module({ controllers: [WebHttpController] })
export class WebModule {}

import { Module } from '@nestjs/common';
import { WebHttpController } from './web.http.controller';

/** The web page at `/` (timeline, Doetank pages, links to the reports) and its two assets. */
@Module({ controllers: [WebHttpController] })
export class WebModule {}

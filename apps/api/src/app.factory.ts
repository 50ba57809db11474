import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule, type AppModuleOptions } from './app.module';

/**
 * Builds the HTTP application with every global setting (validation, body limit, problem details, OpenAPI).
 * main.ts and the tests share it, so tests exercise exactly what runs.
 */
export async function createApiApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.httpBodyLimitBytes,
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Slimmernetwerk backend')
      .setDescription(
        'Commands record what happens in the Slimmernetwerk (members, Doetanks, gatherings, yearly themes, ' +
          "discussions) as events; the audit endpoints show a Doetank's full history. Errors are RFC 9457 problem " +
          'details: 400 invalid input, 403 not allowed, 404 unknown, 409 a rule or a concurrent change refused ' +
          'it, 413 body too large, 422 an Idempotency-Key reused for another request.',
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

import { HttpException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule, type AppModuleOptions } from './app.module';
import { fastifyTrustProxy } from './config/trust-proxy';
import { hardenHttp } from './hardening/http-hardening';
import { toProblem } from './problem-details/problem-details.filter';
import { serveWebAssets } from './web/web-assets';
import { API_VALIDATION_OPTIONS, ApiValidationPipe } from './shared/api-validation.pipe';
import { OPENAPI_JSON_ALIAS_PATH, OPENAPI_JSON_PATH, OPENAPI_UI_PATH } from './routes/openapi-routes';

/**
 * Builds the HTTP application with every global setting (validation, body limit, problem details, OpenAPI).
 * main.ts and the tests share it, so tests exercise exactly what runs.
 */
export async function createApiApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.httpBodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: fastifyTrustProxy(options.config.httpTrustProxy),
    // Fastify's own limit (100) would answer a long path parameter with a bare 414 before any hook runs; the
    // URL's length is limited by HTTP_MAX_URL_LENGTH instead (problem details), the parameter's by validation.
    routerOptions: { maxParamLength: options.config.httpMaxUrlLength },
    // Errors of the router itself (a URL that does not decode) as problem details too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void reply
        .status(status)
        .header('content-type', 'application/problem+json')
        .send(
          toProblem(
            new HttpException(
              {
                message: 'The URL is not valid (a malformed escape or parameter)',
                code: 'REQUEST.INVALID_URL',
              },
              status,
            ),
            request.url,
          ),
        );
    },
  });
  // Bodies are JSON only. Nest's own parsers would add application/x-www-form-urlencoded (every value a string, so
  // a form post passed the DTOs and was stored); without them Fastify parses application/json (with its
  // prototype-poisoning checks and the body limit) and text/plain, which is removed below, and answers any other
  // content type with 415 (FST_ERR_CTP_INVALID_MEDIA_TYPE, a problem with code REQUEST.UNSUPPORTED_MEDIA_TYPE).
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  app.useLogger(app.get(Logger));
  await hardenHttp(app, options.config);
  // The web page's stylesheet and script modules (`/assets/`), after the security headers' hook.
  if (!options.commandsOnly) await serveWebAssets(app);
  app.useGlobalPipes(new ApiValidationPipe(API_VALIDATION_OPTIONS));
  if (!options.commandsOnly) serveOpenApi(app);
  return app;
}

function serveOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Slimmernetwerk backend')
      .setDescription(
        'Commands record what happens in the Slimmernetwerk (members, Doetanks, gatherings, yearly themes, ' +
          "discussions) as events; the audit endpoints show a Doetank's full history. Requests carry a bearer " +
          'token (JWT with `sub` = member id and `role` = coordinator, member or observer); who may do what is in ' +
          'docs/security.md. Errors are RFC 9457 problem details: 400 invalid input, 401 no or bad token, 403 not ' +
          'allowed, 404 unknown, 409 a rule or a concurrent change refused it, 413 body too large, 414 URL too ' +
          'long, 415 a body that is not JSON, 422 an Idempotency-Key reused for another request, 429 too many requests.',
      )
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/license/mit')
      // Relative: the document is served by the API it describes, whatever host and port that is.
      .addServer('/', 'This API')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A token from `npm run token -- <role>` (embedded mode) or your identity provider',
      })
      .build(),
  );
  declareOpenEndpoints(document);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
  // Where Nest's own examples serve the document (`/docs-json`), for tools that look there first.
  app
    .getHttpAdapter()
    .get(`/${OPENAPI_JSON_ALIAS_PATH}`, (_request: unknown, reply: { send: (body: unknown) => void }) =>
      reply.send(document),
    );
}

/**
 * Operations that declare no security requirement are the open ones (health checks): `security: []` says so
 * explicitly, as OpenAPI asks ("an empty array removes the top-level security"), so client generators and linters
 * do not have to guess.
 */
function declareOpenEndpoints(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = path[method];
      if (operation && operation.security === undefined) operation.security = [];
    }
  }
}

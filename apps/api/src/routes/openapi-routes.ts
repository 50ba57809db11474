import { OPEN_ACCESS } from '../auth/access.decorators';
import { ASSETS_PREFIX } from '../web/web-assets';
import type { RouteEntry } from './route-catalogue';

/** Where `SwaggerModule.setup` serves the OpenAPI document and its UI (app.factory.ts). */
export const OPENAPI_UI_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';
/** The same document where Nest's examples serve it. */
export const OPENAPI_JSON_ALIAS_PATH = 'docs-json';

/**
 * The routes of the OpenAPI document, served outside the API's controllers, declared here since no controller carries their
 * metadata. Open: the document describes the API, it holds no data. (An integration test checks that every route
 * the app serves is in the catalogue.)
 */
export const OPENAPI_ROUTES: readonly RouteEntry[] = [
  { path: OPENAPI_UI_PATH, shows: 'OpenAPI (Swagger UI)' },
  { path: OPENAPI_JSON_PATH, shows: 'OpenAPI document' },
  { path: OPENAPI_JSON_ALIAS_PATH, shows: 'OpenAPI document (where Nest’s examples serve it)' },
].map(({ path, shows }) => ({
  method: 'GET',
  path: `/${path}`,
  status: 200,
  access: OPEN_ACCESS,
  shows,
  source: 'SwaggerModule',
}));

/**
 * The web page's script modules and stylesheet, files served by `@fastify/static` under `/assets/` (see
 * web-assets.ts), not by a controller: one entry for all of them. Open, like the page: they hold no data.
 */
export const WEB_ASSET_ROUTES: readonly RouteEntry[] = [
  {
    method: 'GET',
    path: `${ASSETS_PREFIX}*`,
    status: 200,
    access: OPEN_ACCESS,
    shows: 'the web page’s script modules and styles',
    source: '@fastify/static',
  },
];

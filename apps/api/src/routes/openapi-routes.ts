import { OPEN_ACCESS } from '../auth/access.decorators';
import type { RouteEntry } from './route-catalogue';

/** Where `SwaggerModule.setup` serves the OpenAPI document and its UI (app.factory.ts). */
export const OPENAPI_UI_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/**
 * The two routes the API serves outside its controllers, declared here since no controller carries their
 * metadata. Open: the document describes the API, it holds no data. (An integration test checks that every route
 * the app serves is in the catalogue.)
 */
export const OPENAPI_ROUTES: readonly RouteEntry[] = [
  { path: OPENAPI_UI_PATH, shows: 'OpenAPI (Swagger UI)' },
  { path: OPENAPI_JSON_PATH, shows: 'OpenAPI document' },
].map(({ path, shows }) => ({
  method: 'GET',
  path: `/${path}`,
  status: 200,
  access: OPEN_ACCESS,
  shows,
  source: 'SwaggerModule',
}));

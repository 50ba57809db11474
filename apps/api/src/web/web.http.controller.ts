import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OpenAccess } from '../auth/access.decorators';
import { OidcDiscovery } from '../auth/oidc/oidc-discovery';
import { readWebFile } from './web-assets';
import { Shows } from '../routes/route.decorators';

/**
 * The page's policy, with the origins it may send requests to besides its own (the identity provider's token
 * endpoint, where the page exchanges a sign-in's code: `connect-src`). Leaving for the provider's sign-in page is a
 * navigation, which the policy does not govern.
 */
export function webCsp(connectOrigins: readonly string[] = []): string {
  const connect = ["'self'", ...connectOrigins].join(' ');
  return (
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${connect}; ` +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'"
  );
}

/**
 * The page only loads its own script and stylesheet and talks to this API: a policy that says so keeps text from
 * the read models inert even if it ever reached the page as markup.
 */
export const WEB_CSP = webCsp();

/**
 * A small web page for people, served by the API itself: the activity timeline with filters and paging, a page per
 * Doetank with its audit history, and links to each year's report. This controller serves the page (`index.html`,
 * read once at start-up); its stylesheet and script modules are files under `/assets/` (see `serveWebAssets`). The
 * script reads the same JSON endpoints as any other client.
 */
@ApiExcludeController()
// The page and its assets hold no data, and a browser cannot send a bearer token when it opens a page: they are
// open, so that a reader can load the page and give a token when PUBLIC_READ is off. The data endpoints the
// script calls keep their own policies.
@OpenAccess()
@Controller()
export class WebHttpController {
  private readonly html = readWebFile('index.html');

  constructor(private readonly oidc: OidcDiscovery) {}

  @Get()
  @Shows('the web page')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.header('content-security-policy', webCsp(this.oidc.connectOrigins()));
    return this.html;
  }
}

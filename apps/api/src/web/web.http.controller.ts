import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OpenAccess } from '../auth/access.decorators';
import { WEB_PAGE_HTML } from './web-page';
import { WEB_SCRIPT_JS } from './web-script';
import { WEB_STYLES_CSS } from './web-styles';
import { Shows } from '../routes/route.decorators';

/**
 * The page only loads its own script and stylesheet and talks to this API: a policy that says so keeps text from
 * the read models inert even if it ever reached the page as markup.
 */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/**
 * A small web page for people, served by the API itself: the activity timeline with filters and paging, a page per
 * Doetank with its audit history, and links to each year's report. Plain HTML, CSS and one script, embedded as
 * strings (no build step, nothing to copy); the script reads the same JSON endpoints as any other client.
 */
@ApiExcludeController()
// The page and its assets hold no data, and a browser cannot send a bearer token when it opens a page: they are
// open, so that a reader can load the page and give a token when PUBLIC_READ is off. The data endpoints the
// script calls keep their own policies.
@OpenAccess()
@Controller()
export class WebHttpController {
  @Get()
  @Shows('the web page')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', WEB_CSP)
  @Header('cache-control', 'no-cache')
  page(): string {
    return WEB_PAGE_HTML;
  }

  @Get('assets/app.js')
  @Shows('the web page’s script')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'no-cache')
  script(): string {
    return WEB_SCRIPT_JS;
  }

  @Get('assets/app.css')
  @Shows('the web page’s styles')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'no-cache')
  styles(): string {
    return WEB_STYLES_CSS;
  }
}

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { isSecureOrLoopback, type OidcSettings } from './oidc-settings';

/** What the page needs to sign a reader in: the settings and the provider's endpoints, from its discovery. */
export interface SignInSettings extends OidcSettings {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** RP-Initiated Logout 1.0; without it, signing out forgets the token in the page only. */
  endSessionEndpoint?: string;
}

/** The discovery document breaks a rule: the configuration is wrong, and trying again will not help. */
export class OidcConfigurationError extends Error {
  constructor(message: string) {
    super(`AUTH_OIDC_ISSUER: ${message}`);
    this.name = 'OidcConfigurationError';
  }
}

/** The provider could not be asked (down, slow, a 5xx): sign-in from the page waits until it can. */
export class OidcUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcUnavailableError';
  }
}

/** Where a provider publishes its discovery document (OpenID Connect Discovery 1.0, section 4). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/**
 * The sign-in settings a discovery document gives, or an OidcConfigurationError naming the field at fault:
 * - `issuer` must be the configured one exactly (OpenID Connect Discovery 1.0, section 4.3: otherwise the document
 *   may be another provider's, the mix-up the check exists for);
 * - the endpoints the page sends the reader and the code to must be https (http on a loopback host only);
 * - the code flow must be on offer (`response_types_supported` has `code`), and PKCE with S256 when the document
 *   lists its methods (RFC 8414, section 2, `code_challenge_methods_supported`; many providers that support PKCE do
 *   not list it, so its absence is not refused).
 */
export function signInSettingsFrom(document: unknown, settings: OidcSettings): SignInSettings {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new OidcConfigurationError('the discovery document is not a JSON object');
  }
  const doc = document as Record<string, unknown>;
  if (doc.issuer !== settings.issuer) {
    throw new OidcConfigurationError(
      `the discovery document names issuer ${JSON.stringify(doc.issuer)}, not ${JSON.stringify(settings.issuer)}`,
    );
  }
  const endpoint = (field: string, required: boolean): string | undefined => {
    const value = doc[field];
    if (value === undefined && !required) return undefined;
    let url: URL | undefined;
    try {
      url = typeof value === 'string' ? new URL(value) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || !isSecureOrLoopback(url)) {
      throw new OidcConfigurationError(
        `the discovery document's ${field} must be an https URL (http only on a loopback host): ${JSON.stringify(value)}`,
      );
    }
    return url.href;
  };
  const listed = (field: string): unknown[] | undefined => {
    const value = doc[field];
    return Array.isArray(value) ? value : undefined;
  };
  if (!(listed('response_types_supported') ?? []).includes('code')) {
    throw new OidcConfigurationError(
      'the provider does not offer the authorization code flow (response_types_supported)',
    );
  }
  const pkce = listed('code_challenge_methods_supported');
  if (pkce && !pkce.includes('S256')) {
    throw new OidcConfigurationError(
      'the provider does not offer PKCE with S256 (code_challenge_methods_supported)',
    );
  }
  const endSessionEndpoint = endpoint('end_session_endpoint', false);
  return {
    ...settings,
    authorizationEndpoint: endpoint('authorization_endpoint', true)!,
    tokenEndpoint: endpoint('token_endpoint', true)!,
    ...(endSessionEndpoint !== undefined && { endSessionEndpoint }),
  };
}

/** Longest a request for the discovery document may take. */
const DISCOVERY_TIMEOUT_MS = 5000;
/**
 * After a failed attempt, the next one waits at least this long: every page load asks for the settings, and a
 * provider that is down should not get a request from each of them.
 */
const DISCOVERY_RETRY_AFTER_MS = 2000;

/**
 * The identity provider's discovery document, read at start-up. A document that breaks a rule stops the start (a
 * configuration error, as a bad variable does); a provider that cannot be reached does not: the api starts, logs a
 * warning, and asks again when the page next wants to sign someone in (at most every 2 s), so an outage of the
 * provider never takes the api down with it. Once read, the document is kept for the process's life (providers
 * change their endpoints rarely; a restart reads it again).
 */
@Injectable()
export class OidcDiscovery implements OnModuleInit {
  private readonly logger = new Logger(OidcDiscovery.name);
  private readonly settings?: OidcSettings;
  private discovered?: SignInSettings;
  private attempt?: Promise<SignInSettings>;
  private lastFailure = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.auth.oidc;
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  async onModuleInit(): Promise<void> {
    if (!this.settings) return;
    try {
      await this.current();
    } catch (error) {
      if (error instanceof OidcConfigurationError) throw error;
      this.logger.warn(
        `The identity provider's discovery document could not be read (${(error as Error).message}); ` +
          'sign-in from the page waits until it can be',
      );
    }
  }

  /** The settings for the page; OidcUnavailableError while the provider cannot be asked. */
  async current(): Promise<SignInSettings> {
    if (this.discovered) return this.discovered;
    if (!this.settings) throw new OidcUnavailableError('sign-in with an identity provider is not configured');
    if (!this.attempt && Date.now() - this.lastFailure < DISCOVERY_RETRY_AFTER_MS) {
      throw new OidcUnavailableError("the identity provider's discovery document could not be read");
    }
    this.attempt ??= this.discover(this.settings).finally(() => {
      this.attempt = undefined;
    });
    return this.attempt;
  }

  /**
   * The origins the page may send requests to besides its own: the token endpoint's (the code is exchanged there,
   * from the browser). Before the document is read, the issuer's: most providers serve both from one origin, and
   * a reader comes back from the provider (a new page load) only after the page read the settings.
   */
  connectOrigins(): string[] {
    if (!this.settings) return [];
    return [new URL(this.discovered?.tokenEndpoint ?? this.settings.issuer).origin];
  }

  private async discover(settings: OidcSettings): Promise<SignInSettings> {
    const url = discoveryUrl(settings.issuer);
    let response: Response;
    try {
      // No redirects: the document must be where the issuer says (Discovery 1.0, section 4).
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
      });
    } catch (error) {
      this.lastFailure = Date.now();
      throw new OidcUnavailableError(`${url}: ${(error as Error).message}`);
    }
    if (response.status >= 500 || response.status === 429) {
      this.lastFailure = Date.now();
      throw new OidcUnavailableError(`${url} answered ${response.status}`);
    }
    if (!response.ok) throw new OidcConfigurationError(`${url} answered ${response.status}`);
    let document: unknown;
    try {
      document = await response.json();
    } catch {
      throw new OidcConfigurationError(`${url} is not JSON`);
    }
    this.discovered = signInSettingsFrom(document, settings);
    return this.discovered;
  }
}

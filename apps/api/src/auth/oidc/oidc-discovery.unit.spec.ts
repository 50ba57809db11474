import { discoveryUrl, OidcConfigurationError, signInSettingsFrom } from './oidc-discovery';

describe("the identity provider's discovery document", () => {
  const settings = { issuer: 'https://login.example.nl/realms/netwerk', clientId: 'web', scopes: 'openid' };
  const document = {
    issuer: settings.issuer,
    authorization_endpoint: 'https://login.example.nl/realms/netwerk/auth',
    token_endpoint: 'https://tokens.example.nl/token',
    response_types_supported: ['code', 'id_token'],
  };

  it('is read at the issuer, with or without its trailing slash', () => {
    expect(discoveryUrl('https://login.example.nl/realms/netwerk')).toBe(
      'https://login.example.nl/realms/netwerk/.well-known/openid-configuration',
    );
    expect(discoveryUrl('https://login.example.nl/')).toBe(
      'https://login.example.nl/.well-known/openid-configuration',
    );
  });

  it('gives the page the endpoints; without PKCE methods listed or an end-session endpoint, it goes on', () => {
    expect(signInSettingsFrom(document, settings)).toEqual({
      ...settings,
      authorizationEndpoint: document.authorization_endpoint,
      tokenEndpoint: document.token_endpoint,
    });
    expect(
      signInSettingsFrom({ ...document, end_session_endpoint: 'https://login.example.nl/logout' }, settings),
    ).toMatchObject({ endSessionEndpoint: 'https://login.example.nl/logout' });
  });

  it('is refused when it breaks a rule, naming what', () => {
    const refused: [unknown, RegExp][] = [
      [[], /not a JSON object/],
      [{ ...document, issuer: `${settings.issuer}/` }, /names issuer/],
      [{ ...document, token_endpoint: undefined }, /token_endpoint must be an https URL/],
      [{ ...document, authorization_endpoint: '/auth' }, /authorization_endpoint must be an https URL/],
      [{ ...document, end_session_endpoint: 'http://login.example.nl/logout' }, /end_session_endpoint/],
      [{ ...document, response_types_supported: ['token'] }, /authorization code flow/],
      [{ ...document, code_challenge_methods_supported: ['plain'] }, /S256/],
    ];
    for (const [doc, message] of refused) {
      expect(() => signInSettingsFrom(doc, settings)).toThrow(OidcConfigurationError);
      expect(() => signInSettingsFrom(doc, settings)).toThrow(message);
    }
  });
});

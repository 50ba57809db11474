import { isIP } from 'node:net';

/**
 * Which proxies in front of the API are trusted to say who the client is (HTTP_TRUST_PROXY):
 * - `false` (`false`, `0`, unset): none; the client address is the peer's, X-Forwarded-For is ignored;
 * - a hop count (`true` is `1`): that many proxies in front, whatever their addresses; the client address is the
 *   entry the outermost of them appended to X-Forwarded-For. Entries further left are the client's own words and
 *   never count (with "trust everything" a client that wrote its own leftmost entry got a fresh rate-limit bucket
 *   on every request). Only safe when the API cannot be reached except through those proxies;
 * - a list of proxy addresses or CIDR ranges (`10.0.0.0/8,192.0.2.7`; also `loopback`, `linklocal`,
 *   `uniquelocal`): X-Forwarded-For is followed from the right only while the hop that added an entry is one of
 *   them. The safest choice where the proxies' addresses are known.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 32;

/** The setting, or a problem to report at start-up. */
export function parseTrustProxy(value: string | undefined): { value: TrustProxy } | { problem: string } {
  const raw = (value ?? '').trim();
  if (raw === '' || raw === 'false' || raw === '0') return { value: false };
  if (raw === 'true') return { value: 1 };
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return hops <= MAX_HOPS ? { value: hops } : { problem: `at most ${MAX_HOPS} proxy hops` };
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length > 0) {
    return {
      problem:
        `not an address or CIDR range: ${bad.map((entry) => JSON.stringify(entry)).join(', ')} ` +
        '(use true, false, a hop count, or a comma-separated list of proxy addresses or CIDR ranges)',
    };
  }
  return { value: entries };
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Fastify's `trustProxy` option for the setting. A hop count is given as a function: Fastify 5.12's own numeric
 * `trustProxy` trusts no hop at all (lib/request.js, getTrustProxyFn: "hop-count-only trust ... fail closed"),
 * while proxy-addr calls the function with each address and its hop index, the peer's being 0 (proxy-addr
 * README, "proxyaddr(req, trust)": `trust(addr, i)`).
 */
export function fastifyTrustProxy(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (setting === false) return false;
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
}

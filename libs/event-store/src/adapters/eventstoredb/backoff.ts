/** How a dropped subscription waits before reconnecting. */
export interface BackoffOptions {
  /** Delay before the first retry. Default 100 ms. */
  initialMs?: number;
  /** Ceiling of any delay. Default 30 s. */
  maxMs?: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
}

/**
 * Exponential backoff with "equal jitter": attempt n (0-based) waits between half and all of
 * min(max, initial * factor^n). The random half spreads reconnects of many projectors after one server restart;
 * the fixed half keeps a retry from firing at once in a tight loop. `random` is injectable for tests.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const initial = Math.max(1, options.initialMs ?? 100);
  const max = Math.max(initial, options.maxMs ?? 30_000);
  const factor = Math.max(1, options.factor ?? 2);
  const exponent = Math.max(0, Math.floor(attempt));
  // Capped before the power can overflow: once past the cap it stays there.
  const ceiling = exponent > 64 ? max : Math.min(max, initial * factor ** exponent);
  const half = ceiling / 2;
  return Math.round(half + half * Math.min(1, Math.max(0, random())));
}

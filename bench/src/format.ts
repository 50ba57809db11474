// Numbers as the report writes them.

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const ms = (n: number): string =>
  Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : 'n/a';
export const ratio = (measured: number, baseline: number | undefined): string =>
  baseline !== undefined && baseline > 0 ? `${(measured / baseline).toFixed(2)}x` : 'n/a';
export const mb = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MB`;
export const perSecond = (count: number, seconds: number): number => (seconds > 0 ? count / seconds : 0);

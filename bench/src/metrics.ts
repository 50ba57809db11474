/**
 * The samples of a Prometheus text exposition (what `/metrics` answers) that carry no labels, by metric name:
 * the process-wide figures the benchmark reads (memory, the state cache, the projector thread's heap). Labelled
 * samples, comments and values that are not numbers are left out.
 */
export function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*) (\S+)/.exec(line);
    if (!match) continue;
    const value = Number(match[2]);
    if (Number.isFinite(value)) values.set(match[1], value);
  }
  return values;
}

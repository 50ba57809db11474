import { parseMetrics } from './metrics';

describe('parseMetrics (the figures the benchmark reads from /metrics)', () => {
  it('reads the samples without labels by name, and leaves out comments and labelled samples', () => {
    const text = [
      '# HELP slimmernetwerk_command_state_cache_events Events held by the cache',
      '# TYPE slimmernetwerk_command_state_cache_events gauge',
      'slimmernetwerk_command_state_cache_events 1234',
      'slimmernetwerk_nodejs_heap_size_used_bytes 5.5e+7',
      'slimmernetwerk_process_resident_memory_bytes 201326592 1700000000000',
      'slimmernetwerk_projection_state{projection="timeline",state="live"} 1',
      'slimmernetwerk_gc_duration_seconds_sum NaN',
      '',
    ].join('\n');
    expect(parseMetrics(text)).toEqual(
      new Map([
        ['slimmernetwerk_command_state_cache_events', 1234],
        ['slimmernetwerk_nodejs_heap_size_used_bytes', 55_000_000],
        ['slimmernetwerk_process_resident_memory_bytes', 201_326_592],
      ]),
    );
  });
});

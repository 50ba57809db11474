import { at, localWhen, type Moment } from './demo-time';

/** mulberry32: small, fast and good enough for made-up data (never for secrets). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo's only source of chance: seeded, so the same seed gives the same year. */
export class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
  /** A moment between two instants, in working hours or the evening (08:00 to 21:59 Dutch time). */
  momentBetween(fromMs: number, toMs: number): Moment {
    for (let attempt = 0; attempt < 50; attempt++) {
      const [y, m, d] = localWhen(fromMs + this.next() * Math.max(0, toMs - fromMs));
      const moment = at([y, m, d, this.int(8, 21), this.int(0, 59)]);
      if (moment.ms >= fromMs && moment.ms <= toMs) return moment;
    }
    return at(localWhen(fromMs + (toMs - fromMs) / 2));
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

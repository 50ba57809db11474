import 'reflect-metadata';
import { HttpException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { commandExamples } from '../testing/command-examples';
import { API_VALIDATION_OPTIONS, ApiValidationPipe } from './api-validation.pipe';
import { compiledBodyCheck, isPlainObject, type Constructor } from './compiled-validation';

/**
 * The compiled check against the pipe it shortens. The reference is the api's pipe without it (Nest's
 * ValidationPipe.transform with the api's prototype-key refusal and options). For every command's DTO, bodies
 * made from its example with random and hostile changes (fields left out, `null`, other JSON values, control
 * characters, lone surrogates, decomposed accents, bidi controls, upper-case ids, unknown and prototype keys, the
 * same at every level of nested objects and lists) must come out of the api's pipe exactly as out of the
 * reference: the same DTO instance (class, values, NFC-normalised text), or the same refusal. And whenever the
 * compiled check itself answers, the reference accepts the same body with the same value.
 */

class ReferencePipe extends ApiValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return ValidationPipe.prototype.transform.call(this, value, metadata) as Promise<unknown>;
  }
}

const pipe = new ApiValidationPipe(API_VALIDATION_OPTIONS);
const reference = new ReferencePipe(API_VALIDATION_OPTIONS);
const EXAMPLES = [...commandExamples().values()];

type Outcome = { accepted: unknown } | { refused: unknown } | { threw: string };

const outcome = async (through: ValidationPipe, dto: Constructor, body: unknown): Promise<Outcome> => {
  try {
    return { accepted: await through.transform(body, { type: 'body', metatype: dto, data: undefined }) };
  } catch (error) {
    if (error instanceof HttpException) {
      return { refused: { status: error.getStatus(), body: error.getResponse() } };
    }
    // A validator that throws must throw the same either way.
    return { threw: String(error) };
  }
};

/**
 * What Fastify's JSON parser gives for a value: JSON text parsed again (own `__proto__` keys included), in this
 * realm (structuredClone would make objects of another realm's Object).
 */
const asParsedJson = (value: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

const HOSTILE = [
  '\u0000',
  '\u001b[31m',
  '\u0085',
  '\ud800',
  '\udc00',
  '\u202e',
  '\u2067',
  '\u200b',
  '\ufeff',
  'e\u0301',
  '\u0301',
  '😀',
  ' ',
  '\t',
  '\n',
  'A',
  'F',
  '@',
  ':',
  '/',
  '-',
  '0',
];

/** The text with hostile characters put in, replaced or cut. */
const hostileText = (text: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(fc.nat({ max: text.length }), fc.constantFrom(...HOSTILE))
      .map(([at, inserted]) => text.slice(0, at) + inserted + text.slice(at)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
      .map(([from, to]) => text.slice(0, Math.min(from, to)) + text.slice(Math.max(from, to))),
    fc.constantFrom(text.toUpperCase(), text.normalize('NFD'), ` ${text}`, text.repeat(40), ''),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );

const EXTRA_KEYS = ['isCoordinator', 'constructor', 'prototype', '__proto__', 'toString', 'hasOwnProperty'];

/** A value like `example`: itself (most often), changed, or another JSON value. */
function like(example: unknown, depth = 0): fc.Arbitrary<unknown> {
  const other = fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.boolean());
  if (typeof example === 'string') {
    return fc.oneof(
      { weight: 16, arbitrary: fc.constant(example) },
      { weight: 4, arbitrary: hostileText(example) },
      { weight: 1, arbitrary: other },
    );
  }
  if (Array.isArray(example)) {
    const element = example.length > 0 ? like(example[0], depth + 1) : other;
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(example) },
      { weight: 4, arbitrary: fc.array(element, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constant(example.length > 0 ? [example[0], example[0]] : []) },
      { weight: 1, arbitrary: other },
    );
  }
  if (isPlainObject(example) && depth < 4) {
    return fc.oneof(
      { weight: 9, arbitrary: objectLike(example, depth + 1) },
      { weight: 1, arbitrary: other },
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(example) },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
    { weight: 2, arbitrary: other },
  );
}

/** An object like `example`: each key kept, changed or left out, sometimes an unknown or prototype key added. */
function objectLike(example: Record<string, unknown>, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(
    Object.entries(example).map(([key, value]) => [
      key,
      fc.option(like(value, depth), { nil: undefined, freq: 12 }),
    ]),
  );
  return fc
    .tuple(
      fc.record(fields),
      fc.option(fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.jsonValue({ maxDepth: 1 })), { freq: 5 }),
    )
    .map(([body, extra]) => {
      const object: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(body)) if (value !== undefined) object[key] = value;
      // An own property, as JSON.parse makes it, even for `__proto__`.
      if (extra) Object.defineProperty(object, extra[0], { value: extra[1], enumerable: true });
      return object;
    });
}

/**
 * Whether a key, at any level, is the name of a method every object has (`toString`): class-transformer does not
 * copy such a key (the new instance already has a function there), so the pipe drops it where it refuses any other
 * unknown key. The compiled check leaves such bodies to the pipe.
 */
const namesAnObjectMethod = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(namesAnObjectMethod)
    : isPlainObject(value) &&
      Object.entries(value).some(([key, inner]) => key in Object.prototype || namesAnObjectMethod(inner));

/** The example with one field changed or left out (most such bodies are still valid). */
const oneChange = (example: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc.constantFrom(...Object.keys(example)).chain((key) =>
    fc.option(like(example[key]), { nil: undefined, freq: 8 }).map((value) => {
      const body = { ...example };
      if (value === undefined) delete body[key];
      else body[key] = value;
      return body;
    }),
  );

describe('the compiled body check', () => {
  it.each(EXAMPLES.map((example) => [example.command, example] as const))(
    'accepts the example of %s by itself, with the value the pipe makes',
    async (_command, example) => {
      const dto = example.dto as Constructor;
      const body = asParsedJson(example.body);
      const fast = compiledBodyCheck(dto)?.(asParsedJson(body));
      expect(fast).toBeInstanceOf(dto);
      expect(await outcome(reference, dto, asParsedJson(body))).toEqual({ accepted: fast });
    },
  );

  it.each(EXAMPLES.map((example) => [example.command, example] as const))(
    '%s: random and hostile bodies come out of the pipe as out of the reference',
    async (_command, example) => {
      const dto = example.dto as Constructor;
      const check = compiledBodyCheck(dto)!;
      const bodies = example.body as Record<string, unknown>;
      let answered = 0;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(objectLike(bodies), oneChange(bodies)), async (generated) => {
          const body = asParsedJson(generated);
          const expected = await outcome(reference, dto, asParsedJson(body));
          if ('accepted' in expected && !namesAnObjectMethod(body)) accepted++;
          let fast: object | undefined;
          try {
            fast = check(asParsedJson(body));
          } catch {
            // A validator that throws: the pipe throws the same (compared below).
          }
          if (fast !== undefined) {
            answered++;
            expect('accepted' in expected).toBe(true);
            // Same class at every level, same values (isDeepStrictEqual compares prototypes).
            expect(isDeepStrictEqual(fast, (expected as { accepted: unknown }).accepted)).toBe(true);
          }
          const actual = await outcome(pipe, dto, asParsedJson(body));
          expect(isDeepStrictEqual(actual, expected)).toBe(true);
        }),
        { numRuns: 200 },
      );
      // Not vacuous: the check answered for some of the bodies, and for every valid one (the shapes it models
      // are all the DTOs take; but see namesAnObjectMethod), so valid requests do take the fast path.
      expect(answered).toBeGreaterThan(0);
      expect(answered).toBe(accepted);
    },
  );

  it('leaves the body it was given as it was', () => {
    const example = EXAMPLES.find((candidate) => candidate.command === 'JoinNetwork')!;
    const body = { ...(example.body as Record<string, unknown>), name: 'Cafe\u0301 Utrecht' };
    const before = asParsedJson(body);
    const fast = compiledBodyCheck(example.dto as Constructor)!(body) as Record<string, unknown>;
    expect(fast.name).toBe('Café Utrecht');
    expect(body).toEqual(before);
  });

  it('does not answer for a class without validation metadata (forbidUnknownValues refuses it)', () => {
    class Bare {
      name?: string;
    }
    expect(compiledBodyCheck(Bare)).toBeUndefined();
  });
});

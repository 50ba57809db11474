import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';

/** Keys that Nest's ValidationPipe deletes before validating, because copying them could pollute prototypes. */
const PROTOTYPE_KEYS = ['__proto__', 'prototype', 'constructor'];

/**
 * The global ValidationPipe (whitelist, forbidNonWhitelisted: an unknown key is a 400), with two gaps closed:
 *
 * - Nest deletes `__proto__`, `prototype` and `constructor` from a value before class-validator sees it
 *   (`stripProtoKeys`, @nestjs/common 12, pipes/validation.pipe.js), so such a key was dropped silently where any
 *   other unknown key is refused. It is refused here the same way, naming the key. (Fastify's JSON parser already
 *   refuses `__proto__` and `constructor.prototype`; a plain `prototype` or `constructor` passed it.)
 * - With `transform`, Nest turns a path parameter declared as a number into one with `+value`, so `2013.0`,
 *   ` 2013` and `0x7dd` all became 2013 before the parameter's own pipe could look at them. Path parameters keep
 *   their text here; their pipes (YearParamPipe) parse it strictly.
 */
export class ApiValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param') return value;
    return super.transformPrimitive(value, metadata);
  }

  protected override stripProtoKeys(value: unknown): void {
    const found = findPrototypeKey(value);
    if (found !== undefined) {
      throw new BadRequestException({
        message: [`property ${found} should not exist`],
        code: 'REQUEST.INVALID',
      });
    }
    super.stripProtoKeys(value);
  }
}

/** The path (`a.b.prototype`) of the first own prototype key in a parsed body or query, if any. */
function findPrototypeKey(value: unknown): string | undefined {
  const seen = new WeakSet<object>();
  // An explicit stack, as in Nest's own walk: a deeply nested body must not overflow the call stack.
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.value === null || typeof current.value !== 'object' || seen.has(current.value)) continue;
    if (ArrayBuffer.isView(current.value)) continue;
    seen.add(current.value);
    for (const key of Object.keys(current.value)) {
      const path = current.path ? `${current.path}.${key}` : key;
      if (PROTOTYPE_KEYS.includes(key)) return path;
      stack.push({ value: (current.value as Record<string, unknown>)[key], path });
    }
  }
  return undefined;
}

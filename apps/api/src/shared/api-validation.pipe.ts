import {
  BadRequestException,
  HttpException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationPipeOptions,
} from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { compiledBodyCheck, isPlainObject } from './compiled-validation';

/**
 * One broken rule of a request, for clients that show it in their own words: the property's path (`email`,
 * `links.0.url`), the class-validator constraint it broke (`isEmail`, `maxLength`, or a rule of ours such as
 * `isNotBlank`), and the English message that `errors` lists as well.
 */
export interface InvalidField {
  field: string;
  constraint: string;
  message: string;
}

/**
 * Options that change only how a refusal is reported, or that the compiled check follows (it refuses what the
 * whitelist options refuse); any other option (groups, skipping missing properties, transform options, no
 * `transform`) changes what the pipe accepts or returns, and turns the compiled check off.
 */
const OPTIONS_THE_COMPILED_CHECK_FOLLOWS = new Set([
  'transform',
  'whitelist',
  'forbidNonWhitelisted',
  'forbidUnknownValues',
  'validationError',
  'disableErrorMessages',
  'errorHttpStatusCode',
  'exceptionFactory',
  'errorFormat',
  'maxErrorMessagesLength',
  'enableDebugMessages',
  'dismissDefaultMessages',
  'stopAtFirstError',
]);

/** The api's validation: an unknown key is a 400, bodies become their DTO's class, errors carry no values. */
export const API_VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
};

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
 *
 * Its 400 also lists each broken rule by field and constraint (`fields`, see InvalidField) beside Nest's messages,
 * so that a client can say it in its reader's language (the web page does); the messages stay as they were.
 *
 * A body goes first through the check compiled from its DTO (compiled-validation.ts), which answers with the same
 * DTO instance for a valid body at a fraction of the cost; whatever it is not sure of (every invalid body among
 * them) goes through the pipe as before, so every error message is the pipe's.
 */
export class ApiValidationPipe extends ValidationPipe {
  private readonly compiledChecks: boolean;

  constructor(options: ValidationPipeOptions = {}) {
    super(options);
    this.compiledChecks =
      options.transform === true &&
      Object.keys(options).every((option) => OPTIONS_THE_COMPILED_CHECK_FOLLOWS.has(option));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (this.compiledChecks && metadata.type === 'body' && metadata.metatype && isPlainObject(value)) {
      const accepted = compiledBodyCheck(metadata.metatype)?.(value);
      if (accepted !== undefined) return accepted;
    }
    return super.transform(value, metadata);
  }

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param') return value;
    return super.transformPrimitive(value, metadata);
  }

  override createExceptionFactory(): (errors?: ValidationError[]) => unknown {
    const messages = super.createExceptionFactory();
    return (errors: ValidationError[] = []) => {
      const exception = messages(errors);
      if (!(exception instanceof HttpException)) return exception;
      const response = exception.getResponse();
      if (typeof response !== 'object' || !('message' in response) || !Array.isArray(response.message))
        return exception;
      const listed: unknown[] = response.message;
      // Nest lists the messages in the same depth-first order, and stops at its length budget: as many fields.
      const found = invalidFields(errors).slice(0, listed.length);
      // Two constraints of one field may say the same (a date-time is checked as ISO 8601 and as RFC 3339, with
      // one message): the reader is told once.
      const kept = found.map((field, i) => !found.slice(0, i).some((earlier) => sameReport(earlier, field)));
      const message = listed.filter((_, i) => i >= found.length || kept[i]);
      const fields = found.filter((_, i) => kept[i]);
      return new HttpException({ ...response, message, fields }, exception.getStatus());
    };
  }

  protected override stripProtoKeys(value: unknown): void {
    const found = findPrototypeKey(value);
    if (found !== undefined) {
      throw new BadRequestException({
        message: [`property ${found} should not exist`],
        code: 'REQUEST.INVALID',
        fields: [
          { field: found, constraint: 'whitelistValidation', message: `property ${found} should not exist` },
        ],
      });
    }
    super.stripProtoKeys(value);
  }
}

const sameReport = (a: InvalidField, b: InvalidField): boolean =>
  a.field === b.field && a.message === b.message;

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

/** Every broken rule, depth first (a property's own before its children's), with its path from the request's root. */
export function invalidFields(errors: ValidationError[], parent = ''): InvalidField[] {
  const found: InvalidField[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      found.push({ field, constraint, message: parent ? `${parent}.${message}` : message });
    }
    if (error.children?.length) found.push(...invalidFields(error.children, field));
  }
  return found;
}

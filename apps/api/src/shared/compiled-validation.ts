import { TransformationType, type ClassTransformOptions } from 'class-transformer';
import type { TransformMetadata } from 'class-transformer/types/interfaces';
import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * A fast path for valid request bodies, compiled once per DTO from the DTO's own decorators: class-validator's and
 * class-transformer's metadata storages, read the way the ValidationPipe's `plainToInstance` + `validate` read them
 * on every request (class-transformer 0.5.1, TransformOperationExecutor.js; class-validator 0.15.1,
 * ValidationExecutor.js), but resolved once: the property list, each property's validators (the very constraint
 * objects the decorators registered), conditions, `@Transform` functions and nested `@Type`. The DTOs stay the
 * single definition of what is valid.
 *
 * The answer is either the DTO instance the ValidationPipe (whitelist, forbidNonWhitelisted, forbidUnknownValues,
 * transform, no implicit conversion, no groups) would return for the body, or `undefined`: not sure, ask the pipe.
 * It only answers for bodies made of what JSON gives (plain objects, arrays without holes, strings, numbers,
 * booleans, null) in the shapes it models; any key the DTO does not declare, any failed validator, any asynchronous
 * validator, any object where the DTO expects no nested class means `undefined`. So an invalid body always goes
 * through the pipe, and its error messages are the pipe's own. Equivalence on accepted bodies is property-tested
 * against the pipe (compiled-validation.unit.spec.ts).
 */
export type CompiledBodyCheck = (body: Record<string, unknown>) => object | undefined;

export type Constructor = new () => object;

/** A validator of a property: the decorator's metadata and the constraint objects that run it. */
interface Validator {
  metadata: ValidationMetadata;
  constraints: Array<{ validate(value: unknown, args: ValidationArguments): unknown }>;
}

interface PropertyPlan {
  name: string;
  /** `@Transform` functions that apply when a plain value becomes the class (in their order). */
  transforms: TransformMetadata[];
  /** A scalar `@Type(() => String | Number | Boolean)`: class-transformer converts the value with it. */
  convert?: (value: unknown) => unknown;
  /** A nested `@Type(() => Class)` with `@ValidateNested()`. */
  nested?: CompiledClass;
  /** Whether an array is built for the property (its declared type is an array, or it has no `@Type`). */
  arrays: boolean;
  /** `@ValidateIf` and `@IsOptional`: when one says no, the property's validators are skipped. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  validators: Validator[];
}

interface CompiledClass {
  type: Constructor;
  /** `object.constructor.name`, which class-validator hands to validators (an instance's class is `type`). */
  targetName: string;
  /** Every property with validation metadata (the whitelist), own and inherited. */
  properties: Map<string, PropertyPlan>;
}

// class-transformer's own storage and defaults (the package exports neither; no `exports` map restricts the path),
// the same module instances its `plainToInstance` reads.
/* eslint-disable @typescript-eslint/no-require-imports */
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformMetadataStorage;
};
const { defaultOptions: TRANSFORM_DEFAULTS } =
  require('class-transformer/cjs/constants/default-options.constant') as {
    defaultOptions: ClassTransformOptions;
  };
/* eslint-enable @typescript-eslint/no-require-imports */

/** The options class-transformer hands to `@Transform` functions in `plainToInstance` without options. */
const TRANSFORM_OPTIONS = Object.freeze({ ...TRANSFORM_DEFAULTS });

/** Not sure: the pipe decides. */
const ASK_PIPE = Symbol('ask the pipe');
type Built<T> = T | typeof ASK_PIPE;

/** Keys whose presence Nest's pipe refuses (ApiValidationPipe) or class-transformer skips. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

const SCALAR_CONVERSIONS = new Map<unknown, (value: unknown) => unknown>([
  [String, (value) => String(value)],
  [Number, (value) => Number(value)],
  [Boolean, (value) => Boolean(value)],
]);

/** One per class and schema; `null` where the class is not modelled (the pipe always decides for it). */
const compiled = new Map<Constructor, Map<string, CompiledClass | null>>();

const checks = new Map<Constructor, CompiledBodyCheck | null>();

/** The fast path for a body of class `type`, or `undefined` when the class has no model here (the pipe decides). */
export function compiledBodyCheck(type: Constructor): CompiledBodyCheck | undefined {
  let check = checks.get(type);
  if (check === undefined) {
    const model = compile(type, undefined);
    check = model
      ? (body) => {
          const instance = build(model, body);
          return instance === ASK_PIPE || !valid(model, instance) ? undefined : instance;
        }
      : null;
    checks.set(type, check);
  }
  return check ?? undefined;
}

/** A plain object as JSON.parse makes it (not an array, not a class instance, not a null-prototype object). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

function compile(type: Constructor, schema: string | undefined): CompiledClass | undefined {
  const bySchema = compiled.get(type) ?? new Map<string, CompiledClass | null>();
  compiled.set(type, bySchema);
  const key = schema ?? '';
  if (bySchema.has(key)) return bySchema.get(key) ?? undefined;
  const model: CompiledClass = { type, targetName: type.name, properties: new Map() };
  // Set before the properties are read, so a class nested in itself finds its own model.
  bySchema.set(key, model);
  const ok = readProperties(model, schema);
  if (!ok) bySchema.set(key, null);
  return ok ? model : undefined;
}

/** Fills the model from the decorators; false when something is outside what the fast path models. */
function readProperties(model: CompiledClass, schema: string | undefined): boolean {
  const storage = getMetadataStorage();
  // The arguments the ValidationExecutor passes with the pipe's options: no groups, `always` and strict groups off.
  const metadatas = storage.getTargetValidationMetadatas(
    model.type,
    schema as string,
    false,
    false,
    undefined,
  );
  // forbidUnknownValues: a class without any metadata is always refused.
  if (metadatas.length === 0) return false;
  // @Expose/@Exclude change which keys class-transformer copies.
  if (
    defaultMetadataStorage.getStrategy(model.type) !== 'none' ||
    defaultMetadataStorage.getExposedMetadatas(model.type).length > 0 ||
    defaultMetadataStorage.getExcludedMetadatas(model.type).length > 0
  ) {
    return false;
  }
  let sample: object;
  try {
    sample = new model.type();
  } catch {
    return false;
  }
  const grouped = storage.groupByPropertyName(metadatas);
  // Fields the constructor sets are validated and whitelisted too, whatever the body holds.
  if (Object.keys(sample).some((name) => !grouped[name])) return false;
  for (const [name, list] of Object.entries(grouped)) {
    const plan = planProperty(model.type, sample, name, list);
    if (!plan) return false;
    model.properties.set(name, plan);
  }
  return true;
}

function planProperty(
  type: Constructor,
  sample: object,
  name: string,
  metadatas: ValidationMetadata[],
): PropertyPlan | undefined {
  // class-transformer skips a key the prototype has as an accessor without setter or as a method (`toString`).
  if (PROTOTYPE_KEYS.has(name) || name in type.prototype) return undefined;
  if (typeof (sample as Record<string, unknown>)[name] === 'function') return undefined;
  const storage = getMetadataStorage();
  const plan: PropertyPlan = {
    name,
    transforms: defaultMetadataStorage
      .findTransformMetadatas(type, name, TransformationType.PLAIN_TO_CLASS)
      .filter((metadata) => !metadata.options?.groups?.length),
    arrays: true,
    conditions: [],
    validators: [],
  };
  const nestedSchemas = new Set<string>();
  for (const metadata of metadatas) {
    switch (metadata.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        plan.conditions.push(metadata.constraints[0] as PropertyPlan['conditions'][number]);
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION: {
        const constraints = storage.getTargetValidatorConstraints(metadata.constraintCls);
        if (constraints.some((constraint) => constraint.async)) return undefined;
        plan.validators.push({
          metadata,
          constraints: constraints.map(
            (constraint) => constraint.instance as Validator['constraints'][number],
          ),
        });
        break;
      }
      case ValidationTypes.NESTED_VALIDATION:
        nestedSchemas.add(typeof metadata.target === 'string' ? metadata.target : metadata.target.name);
        break;
      case ValidationTypes.WHITELIST:
        break;
      default:
        return undefined;
    }
  }
  const typeMetadata = defaultMetadataStorage.findTypeMetadata(type, name);
  if (typeMetadata) {
    const options = typeMetadata.options as { discriminator?: unknown } | undefined;
    // A type that depends on the value (a discriminator, a function of the object) is read per request.
    if (options?.discriminator || (typeMetadata.typeFunction && typeMetadata.typeFunction.length > 0)) {
      return undefined;
    }
    const target: unknown = typeMetadata.typeFunction
      ? typeMetadata.typeFunction()
      : typeMetadata.reflectedType;
    plan.arrays = typeMetadata.reflectedType === Array;
    const convert = SCALAR_CONVERSIONS.get(target);
    if (convert) {
      plan.convert = convert;
    } else {
      // A nested class: modelled only with @ValidateNested (else class-validator never looks inside it).
      if (typeof target !== 'function' || nestedSchemas.size !== 1 || isBuiltIn(target)) return undefined;
      const nested = compile(target as Constructor, [...nestedSchemas][0]);
      if (!nested) return undefined;
      plan.nested = nested;
    }
  }
  // @ValidateNested without @Type: class-transformer makes plain objects, which forbidUnknownValues refuses.
  if (nestedSchemas.size > 0 && !plan.nested) return undefined;
  return plan;
}

const isBuiltIn = (target: unknown): boolean =>
  [Object, Array, Date, Map, Set, Promise, RegExp, Function, Symbol, BigInt, globalThis.Buffer].includes(
    target as never,
  );

const isScalar = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** What `plainToInstance(model.type, body)` returns, for the shapes modelled; ASK_PIPE for any other. */
function build(model: CompiledClass, body: Record<string, unknown>): Built<object> {
  const instance = new model.type() as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    const plan = model.properties.get(key);
    // An unknown key (forbidNonWhitelisted; prototype keys are never properties): refused by the pipe.
    if (!plan) return ASK_PIPE;
    let value = buildValue(plan, body[key]);
    if (value === ASK_PIPE) return ASK_PIPE;
    for (const transform of plan.transforms) {
      value = transform.transformFn({
        value,
        key,
        obj: body,
        type: TransformationType.PLAIN_TO_CLASS,
        options: TRANSFORM_OPTIONS,
      });
    }
    // exposeUnsetFields is on by default: class-transformer sets the key even when the value is undefined.
    instance[key] = value;
  }
  return instance;
}

function buildValue(plan: PropertyPlan, value: unknown): Built<unknown> {
  if (Array.isArray(value)) {
    if (!plan.arrays) return ASK_PIPE;
    const copy: unknown[] = [];
    for (let index = 0; index < value.length; index++) {
      // class-transformer's forEach skips holes (Nest closes them first); JSON has none.
      if (!(index in value)) return ASK_PIPE;
      const element = buildElement(plan, value[index]);
      if (element === ASK_PIPE) return ASK_PIPE;
      copy.push(element);
    }
    return copy;
  }
  return buildElement(plan, value);
}

function buildElement(plan: PropertyPlan, value: unknown): Built<unknown> {
  if (plan.nested) return isPlainObject(value) ? build(plan.nested, value) : ASK_PIPE;
  if (!isScalar(value)) return ASK_PIPE;
  return plan.convert && value !== null ? plan.convert(value) : value;
}

/** Whether class-validator finds no error in the instance: every validator of every property passes. */
function valid(model: CompiledClass, instance: object): boolean {
  const object = instance as Record<string, unknown>;
  for (const plan of model.properties.values()) {
    const value = object[plan.name];
    // All conditions are asked, as class-validator does (they are plain predicates).
    let conditionsHold = true;
    for (const condition of plan.conditions) conditionsHold = condition(instance, value) && conditionsHold;
    if (!conditionsHold) continue;
    for (const validator of plan.validators) {
      if (!passes(validator, model.targetName, instance, value)) return false;
    }
    if (plan.nested && value !== undefined && !validNested(plan.nested, value)) return false;
  }
  return true;
}

function passes(
  { metadata, constraints }: Validator,
  targetName: string,
  object: object,
  value: unknown,
): boolean {
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  const args: ValidationArguments = {
    targetName,
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  const each = metadata.each && Array.isArray(value);
  for (const constraint of constraints) {
    // A promise (an asynchronous validator) is not an answer here: the pipe decides.
    if (!each) {
      if (constraint.validate(value, args) !== true) return false;
    } else if (!(value as unknown[]).every((element) => constraint.validate(element, args) === true)) {
      return false;
    }
  }
  return true;
}

function validNested(model: CompiledClass, value: unknown): boolean {
  if (Array.isArray(value)) return value.every((element) => validNested(model, element));
  // Built by `build` from a plain object, so an instance of the model's class.
  return value instanceof model.type && valid(model, value);
}

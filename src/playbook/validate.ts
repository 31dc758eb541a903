/** Schema validation of a (merged) playbook, with "did you mean" for unknown keys and values. */
import { Errors, ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { TSchema } from '@sinclair/typebox';
import { didYouMean, fingerprintOf } from '../findings.js';
import { loaderTerm, loaderText, type LoaderProblem, type LoaderText } from './messages.js';
import { Playbook, type Locale } from './schema.js';
import type { Json } from './yaml.js';

export interface SchemaProblem extends LoaderProblem {
  pointer: string;
  /** true when the problem is the key itself (unknown property), so the key's position is used */
  atKey: boolean;
  /** the problem in the language asked for */
  message: string;
}

import { checkPlaybook } from './playbook-check.generated.js';

function literalValues(schema: TSchema): string[] | undefined {
  const anyOf = (schema as { anyOf?: { const?: unknown }[] }).anyOf;
  if (!anyOf || !anyOf.every((s) => typeof s.const === 'string')) return undefined;
  return anyOf.map((s) => s.const as string);
}

const TYPE_NAMES: Record<string, LoaderText> = {
  object: 'type-object',
  array: 'type-array',
  string: 'type-string',
  integer: 'type-integer',
  number: 'type-number',
  boolean: 'type-boolean',
};
const typeName = (schema: TSchema) => loaderTerm(TYPE_NAMES[(schema as { type?: string }).type ?? ''] ?? 'type-other');

/** The formats the playbook's patterns stand for, by pattern (see schema.ts: Id, QuestionId, Duration, partial names). */
const FORMATS: Record<string, LoaderText> = {
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': 'format-id',
  '^[a-z][a-z0-9]*(_[a-z0-9]+)*$': 'format-question-id',
  '^([0-9]+(m|h|d|w))+$': 'format-duration',
  '^[a-z][a-z0-9-]*$': 'format-partial',
};

type Described = Omit<LoaderProblem, 'messageId'> & { messageId?: string };

/** One TypeBox error as a problem of the playbook format; `key` is the last part of its path. */
function describe(error: ValueError, key: string): Described {
  const limit = (name: 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'minProperties') =>
    Number((error.schema as Record<string, unknown>)[name]);
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const parentSchema = error.schema as { properties?: Record<string, unknown> };
      const known = Object.keys(parentSchema.properties ?? {});
      const hint = didYouMean(key, known);
      if (hint) return { messageId: 'unknown-key', text: 'unknown-key-hint', params: { key, hint } };
      return known.length ? { messageId: 'unknown-key', text: 'unknown-key-list', params: { key, known: known.join(', ') } } : { messageId: 'unknown-key', text: 'unknown-key', params: { key } };
    }
    case ValueErrorType.ObjectRequiredProperty:
      return { messageId: 'missing-key', text: 'missing-key', params: { key } };
    case ValueErrorType.Union: {
      const values = literalValues(error.schema);
      if (!values) return { messageId: 'invalid-value', text: 'invalid-value', params: { key } };
      const value = String(error.value);
      const hint = typeof error.value === 'string' ? didYouMean(error.value, values) : undefined;
      return hint
        ? { messageId: 'not-allowed', text: 'not-allowed-hint', params: { value, hint } }
        : { messageId: 'not-allowed', text: 'not-allowed-list', params: { value, values: values.join(', ') } };
    }
    case ValueErrorType.Object:
    case ValueErrorType.Array:
    case ValueErrorType.String:
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
    case ValueErrorType.Boolean:
      return { messageId: 'wrong-type', text: 'wrong-type', params: { key, type: typeName(error.schema) } };
    case ValueErrorType.StringPattern: {
      const format = FORMATS[(error.schema as { pattern?: string }).pattern ?? ''];
      const value = String(error.value);
      return format ? { messageId: 'bad-format', text: 'bad-format', params: { value, format: loaderTerm(format) } } : { messageId: 'bad-format', text: 'bad-format-bare', params: { value } };
    }
    case ValueErrorType.Literal:
      return { messageId: 'not-allowed', text: 'literal', params: { key, value: JSON.stringify((error.schema as { const?: unknown }).const) } };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return { text: 'minimum', params: { key, limit: limit('minimum') } };
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return { text: 'maximum', params: { key, limit: limit('maximum') } };
    case ValueErrorType.StringMinLength:
      return limit('minLength') === 1 ? { text: 'not-empty', params: { key } } : { text: 'min-length', params: { key, limit: limit('minLength') } };
    case ValueErrorType.StringMaxLength:
      return { text: 'max-length', params: { key, limit: limit('maxLength') } };
    case ValueErrorType.ArrayMinItems:
      return limit('minItems') === 1 ? { text: 'not-empty', params: { key } } : { text: 'min-items', params: { key, limit: limit('minItems') } };
    case ValueErrorType.ArrayMaxItems:
      return { text: 'max-items', params: { key, limit: limit('maxItems') } };
    case ValueErrorType.ObjectMinProperties:
      return limit('minProperties') === 1 ? { text: 'not-empty', params: { key } } : { text: 'min-properties', params: { key, limit: limit('minProperties') } };
    default:
      return { text: 'value-other', params: { key, detail: error.message.toLowerCase() } };
  }
}

/** The problems of a playbook against format v1, worded in `lang`. */
export function validatePlaybook(value: Json | undefined, lang: Locale = 'en'): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const problem: LoaderProblem = { messageId: 'not-a-mapping', text: 'not-a-mapping' };
    return [{ ...problem, pointer: '', atKey: false, message: loaderText(problem, lang) }];
  }
  // The precompiled check is fast; the detailed walk runs only on an invalid playbook.
  if (checkPlaybook(value)) return problems;
  const missing = new Set<string>();
  for (const error of Errors(Playbook, [], value)) {
    const path = error.path;
    const key = path.slice(path.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
    const described = describe(error, key);
    const problem: LoaderProblem = { ...described, messageId: described.messageId ?? 'invalid-value' };
    const isMissing = problem.messageId === 'missing-key';
    // A missing key is reported at the mapping that lacks it.
    const pointer = isMissing ? path.slice(0, path.lastIndexOf('/')) : path;
    const dedupe = `${pointer}|${fingerprintOf(`${problem.messageId}:${problem.text}`, problem.params)}`;
    // A union failure on an object (e.g. a wrong enum deep inside) repeats on every ancestor; keep the deepest.
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    if (isMissing) missing.add(path);
    problems.push({ ...problem, pointer, atKey: isMissing || problem.messageId === 'unknown-key', message: loaderText(problem, lang) });
  }
  // A missing key also fails every type check on its absent value; keep only "missing".
  return problems.filter((p) => p.messageId === 'missing-key' || !missing.has(p.pointer));
}

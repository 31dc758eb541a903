/** Schema validation of a (merged) playbook, with "did you mean" for unknown keys and values. */
import { Errors, ValueErrorType } from '@sinclair/typebox/errors';
import type { TSchema } from '@sinclair/typebox';
import { didYouMean } from '../findings.js';
import { Playbook } from './schema.js';
import type { Json } from './yaml.js';

export interface SchemaProblem {
  pointer: string;
  /** true when the problem is the key itself (unknown property), so the key's position is used */
  atKey: boolean;
  messageId: string;
  message: string;
}

import { checkPlaybook } from './playbook-check.generated.js';

function literalValues(schema: TSchema): string[] | undefined {
  const anyOf = (schema as { anyOf?: { const?: unknown }[] }).anyOf;
  if (!anyOf || !anyOf.every((s) => typeof s.const === 'string')) return undefined;
  return anyOf.map((s) => s.const as string);
}

function describeType(schema: TSchema): string {
  const type = (schema as { type?: string }).type;
  if (type === 'object') return 'a mapping';
  if (type === 'array') return 'a list';
  if (type === 'string') return 'text';
  if (type === 'integer') return 'a whole number';
  if (type === 'number') return 'a number';
  if (type === 'boolean') return 'true or false';
  return 'a different value';
}

export function validatePlaybook(value: Json | undefined): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ pointer: '', atKey: false, messageId: 'not-a-mapping', message: 'a playbook must be a mapping of keys to values' }];
  }
  // The precompiled check is fast; the detailed walk runs only on an invalid playbook.
  if (checkPlaybook(value)) return problems;
  for (const error of Errors(Playbook, [], value)) {
    const pointer = error.path;
    const key = pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
    let problem: SchemaProblem;
    switch (error.type) {
      case ValueErrorType.ObjectAdditionalProperties: {
        const parentSchema = error.schema as { properties?: Record<string, unknown> };
        const known = Object.keys(parentSchema.properties ?? {});
        const hint = didYouMean(key, known);
        problem = {
          pointer,
          atKey: true,
          messageId: 'unknown-key',
          message: `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : known.length ? `; expected one of: ${known.join(', ')}` : ''}`,
        };
        break;
      }
      case ValueErrorType.ObjectRequiredProperty:
        problem = { pointer: pointer.slice(0, pointer.lastIndexOf('/')), atKey: true, messageId: 'missing-key', message: `missing required key "${key}"` };
        break;
      case ValueErrorType.Union: {
        const values = literalValues(error.schema);
        if (values) {
          const hint = typeof error.value === 'string' ? didYouMean(error.value, values) : undefined;
          problem = {
            pointer,
            atKey: false,
            messageId: 'not-allowed',
            message: `"${String(error.value)}" is not allowed here${hint ? `; did you mean "${hint}"?` : `; use one of: ${values.join(', ')}`}`,
          };
        } else {
          problem = { pointer, atKey: false, messageId: 'invalid-value', message: `invalid value for "${key}"` };
        }
        break;
      }
      case ValueErrorType.Object:
      case ValueErrorType.Array:
      case ValueErrorType.String:
      case ValueErrorType.Number:
      case ValueErrorType.Integer:
      case ValueErrorType.Boolean:
        problem = { pointer, atKey: false, messageId: 'wrong-type', message: `"${key}" must be ${describeType(error.schema)}` };
        break;
      case ValueErrorType.StringPattern: {
        const description = (error.schema as { description?: string }).description;
        problem = { pointer, atKey: false, messageId: 'bad-format', message: `"${String(error.value)}" has the wrong format${description ? `: ${description}` : ''}` };
        break;
      }
      case ValueErrorType.Literal:
        problem = { pointer, atKey: false, messageId: 'not-allowed', message: `"${key}" must be ${JSON.stringify((error.schema as { const?: unknown }).const)}` };
        break;
      default:
        problem = { pointer, atKey: false, messageId: 'invalid-value', message: `"${key}": ${error.message.toLowerCase()}` };
    }
    const dedupe = `${problem.pointer}|${problem.message}`;
    if (seen.has(dedupe)) continue;
    // A union failure on an object (e.g. a wrong enum deep inside) repeats on every ancestor; keep the deepest.
    seen.add(dedupe);
    problems.push(problem);
  }
  // A missing key also fails every type check on its absent value; keep only "missing".
  const missing = new Set(problems.filter((p) => p.messageId === 'missing-key').map((p) => p.message.replace(/^missing required key "(.*)"$/, (_, k: string) => `${p.pointer}/${k}`)));
  return problems.filter((p) => p.messageId === 'missing-key' || !missing.has(p.pointer));
}

/**
 * The shape of the context a template sees (docs/playbook-format.md, "The context a template
 * sees"; built by src/render/context.ts): which fields each built-in name has, and which values
 * are single values or lists. `undefined-variable` checks whole dotted paths against it.
 */

/** What a single value is, for messages: text, a number, a time, yes/no, a selected option, an answer. */
export type Leaf = 'text' | 'number' | 'time' | 'flag' | 'choice' | 'answer';
export type ContextShape = Leaf | { fields: Readonly<Record<string, ContextShape>> } | { list: ContextShape };

/** Fields that are all text, as most of the office's are. */
const text = (...names: string[]): Record<string, ContextShape> => Object.fromEntries(names.map((n) => [n, 'text']));

export const CONTEXT_SHAPE: Readonly<Record<string, ContextShape>> = {
  incident: { fields: { title: 'text', start: 'time', timezone: 'text', drill: 'flag', place: 'text' } },
  office: {
    fields: {
      ...text('agency', 'unit', 'code', 'city', 'website', 'hotline', 'email', 'address', 'about'),
      spokesperson: { fields: text('name', 'title', 'phone') },
      head: { fields: text('name', 'title') },
      contact: { fields: text('name', 'role', 'phone', 'email') },
      social: { fields: text('x', 'instagram', 'facebook', 'tiktok') },
    },
  },
  triage: { fields: { level: 'number', levelName: 'text', urgency: 'choice', impact: 'choice' } },
  strategy: { fields: text('cluster', 'primary') },
  release: { fields: text('number') },
  asOf: 'time',
  now: 'time',
  lang: 'text',
  playbook: { fields: text('id', 'title') },
  keyMessages: { list: 'text' },
};

/** Every built-in name, dotted, with its parents: `office`, `office.contact`, `office.contact.name`, … */
export function contextPaths(shapes: Readonly<Record<string, ContextShape>> = CONTEXT_SHAPE, prefix = ''): string[] {
  return Object.entries(shapes).flatMap(([name, shape]) => {
    const path = `${prefix}${name}`;
    return typeof shape === 'object' && 'fields' in shape ? [path, ...contextPaths(shape.fields, `${path}.`)] : [path];
  });
}

export type PathProblem =
  /** `parent` is a mapping without the field */
  | { kind: 'unknown-field'; parent: string; field: string; known: string[] }
  /** `parent` is a single value or a list, so it has no fields at all */
  | { kind: 'not-a-mapping'; parent: string; field: string; is: Leaf | 'list' };

/** The first wrong step of a dotted path whose head has the given shape; undefined when the path exists. */
export function checkPath(head: ContextShape, parts: readonly string[]): PathProblem | undefined {
  let shape = head;
  for (let i = 1; i < parts.length; i++) {
    const field = parts[i];
    const parent = parts.slice(0, i).join('.');
    if (typeof shape === 'string') return { kind: 'not-a-mapping', parent, field, is: shape };
    if ('list' in shape) {
      // An item by position (`keyMessages.[0]`) or the count; nothing else is a field of a list.
      if (/^\d+$/.test(field)) shape = shape.list;
      else if (field === 'length') shape = 'number';
      else return { kind: 'not-a-mapping', parent, field, is: 'list' };
      continue;
    }
    const next = Object.hasOwn(shape.fields, field) ? shape.fields[field] : undefined;
    if (next === undefined) return { kind: 'unknown-field', parent, field, known: Object.keys(shape.fields) };
    shape = next;
  }
  return undefined;
}

/** Reading a Handlebars tree: which context names, helpers and partials a template uses, and where. */
import type { Position } from '../findings.js';
import { CONTEXT_SHAPE } from './context-shape.js';
import type { HbsNode, HbsProgram } from './templates.js';

/** Names the renderer puts in every template's context (see docs/playbook-format.md and ./context-shape.ts). */
export const CONTEXT_NAMES = new Set(Object.keys(CONTEXT_SHAPE));
/** Helpers the renderer registers, plus Handlebars' own block helpers. */
export const HELPERS = new Set(['date', 'time', 'datetime', 'deadline', 'number', 'list', 'releaseNumber', 'plural', 'eq', 'includes', 'if', 'unless', 'each', 'with', 'lookup']);
export const PARTIALS = new Set(['letterhead', 'dateline', 'quote', 'contact', 'about', 'closing']);

export interface Use {
  name: string;
  position: Position;
}

/** A variable read from the top of the context: its first name and its whole dotted path. */
export interface VariableUse extends Use {
  path: string[];
}

export interface TemplateUses {
  variables: VariableUse[];
  helpers: Use[];
  partials: Use[];
}

const pos = (node: HbsNode): Position => ({
  line: node.loc?.start.line ?? 1,
  column: (node.loc?.start.column ?? 0) + 1,
  endLine: node.loc?.end.line ?? 1,
  endColumn: (node.loc?.end.column ?? 0) + 1,
});

interface PathNode extends HbsNode {
  original: string;
  parts: string[];
  data: boolean;
  depth: number;
  head?: string;
}

export function templateUses(ast: HbsProgram): TemplateUses {
  const uses: TemplateUses = { variables: [], helpers: [], partials: [] };
  // scope: >0 inside blocks that change the context (each/with); block params shadow names
  const walk = (node: HbsNode | undefined | null, scoped: number, shadow: Set<string>): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
      case 'Template': {
        const params = (node.blockParams as string[] | undefined) ?? [];
        const inner = params.length ? new Set([...shadow, ...params]) : shadow;
        for (const child of node.body as HbsNode[]) walk(child, scoped, inner);
        return;
      }
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement':
      case 'DecoratorBlock':
      case 'Decorator': {
        const path = node.path as PathNode;
        const params = (node.params as HbsNode[]) ?? [];
        const hashPairs = ((node.hash as { pairs?: { value: HbsNode }[] } | undefined)?.pairs ?? []).map((p) => p.value);
        const isCall = params.length > 0 || hashPairs.length > 0 || node.type === 'BlockStatement' || node.type === 'SubExpression';
        if (path.type === 'PathExpression' && (isCall || HELPERS.has(path.original))) {
          if (path.parts.length === 1 && !path.data) uses.helpers.push({ name: path.original, position: pos(node) });
        } else {
          walk(path, scoped, shadow);
        }
        for (const p of [...params, ...hashPairs]) walk(p, scoped, shadow);
        const changesContext = node.type === 'BlockStatement' && (path.original === 'each' || path.original === 'with');
        walk(node.program as HbsNode, scoped + (changesContext ? 1 : 0), shadow);
        walk(node.inverse as HbsNode, scoped, shadow);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = node.name as PathNode;
        if (name.type === 'PathExpression') uses.partials.push({ name: name.original, position: pos(node) });
        for (const p of (node.params as HbsNode[]) ?? []) walk(p, scoped, shadow);
        for (const pair of (node.hash as { pairs?: { value: HbsNode }[] } | undefined)?.pairs ?? []) walk(pair.value, scoped, shadow);
        walk(node.program as HbsNode, scoped, shadow);
        return;
      }
      case 'PathExpression': {
        const path = node as PathNode;
        // `@root.x` reads the top of the context from anywhere; other `@` data (@index, @key) is not a variable.
        if (path.data) {
          if (path.parts[0] === 'root' && path.parts.length > 1) uses.variables.push({ name: path.parts[1], path: path.parts.slice(1), position: pos(node) });
          return;
        }
        if (path.original === 'this' || path.parts.length === 0) return;
        const head = path.head ?? path.parts[0];
        if (shadow.has(head)) return;
        if (scoped > 0 && path.depth < scoped) return; // a field of the current item
        uses.variables.push({ name: head, path: path.parts, position: pos(node) });
        return;
      }
      default:
        return;
    }
  };
  walk(ast, 0, new Set());
  return uses;
}

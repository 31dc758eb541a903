/** The variables a template reads, for lint's "undefined variable" rule. */
import { factName, HELPER_NAMES, parseTemplate } from './engine.js';

export interface TemplateVariable {
  /** dotted name as the template writes it, relative to the top-level context: `jumlah_korban`, `office.contact.name` */
  name: string;
  line: number;
  column: number;
}

interface Node {
  type: string;
  loc: { start: { line: number; column: number } };
  [key: string]: unknown;
}
interface Path extends Node {
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}

const HELPERS = new Set<string>([...HELPER_NAMES, 'lookup']);
const CONTEXT_CHANGING = new Set(['each', 'with']);

/**
 * Every top-level context name the template reads, in order, with its position. Names inside
 * `{{#each}}`/`{{#with}}` blocks are relative to the item and are left out, unless they reach the
 * top with `@root.` or enough `../`. Helper names, partial names and `@index`-style data are not
 * variables. Throws a TemplateProblem on a syntax error.
 */
export function templateVariables(source: string, file = '<template>'): TemplateVariable[] {
  const ast = parseTemplate(source, file);
  const found: TemplateVariable[] = [];

  const visit = (node: Node | undefined, scope: number, blockParams: string[][]): void => {
    if (!node) return;
    const add = (path: Path) => {
      if (path.data) {
        if (path.parts[0] === 'root' && path.parts.length > 1) found.push({ name: factName(path), line: path.loc.start.line, column: path.loc.start.column + 1 });
        return;
      }
      if (path.parts.length === 0) return; // `this`
      if (path.depth === 0 && blockParams.some((names) => names.includes(path.parts[0]))) return;
      if (path.depth < scope) return;
      found.push({ name: path.parts.join('.'), line: path.loc.start.line, column: path.loc.start.column + 1 });
    };
    const expression = (e: Node | undefined): void => {
      if (!e) return;
      if (e.type === 'PathExpression') add(e as Path);
      else if (e.type === 'SubExpression') call(e, true);
    };
    const call = (c: Node, isHelper: boolean): void => {
      const path = c.path as Path;
      if (!isHelper && path.type === 'PathExpression') add(path);
      for (const p of (c.params as Node[]) ?? []) expression(p);
      for (const pair of ((c.hash as { pairs: { value: Node }[] } | undefined)?.pairs ?? [])) expression(pair.value);
    };
    switch (node.type) {
      case 'Program':
        for (const child of node.body as Node[]) visit(child, scope, blockParams);
        return;
      case 'MustacheStatement': {
        const path = node.path as Path;
        const simple = path.type === 'PathExpression' && path.parts.length === 1 && !path.data && path.depth === 0 && !/^(\.|this\b)/.test(path.original);
        const params = (node.params as Node[]).length > 0 || node.hash !== undefined;
        call(node, params || (simple && HELPERS.has(path.original)));
        return;
      }
      case 'BlockStatement': {
        const path = node.path as Path;
        const params = (node.params as Node[]).length > 0 || node.hash !== undefined;
        call(node, params);
        const changes = params ? CONTEXT_CHANGING.has(path.original) : true;
        const program = node.program as Node & { blockParams?: string[] };
        const inner = changes ? scope + 1 : scope;
        visit(program, inner, program?.blockParams ? [...blockParams, program.blockParams] : blockParams);
        visit(node.inverse as Node | undefined, scope, blockParams);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
        for (const p of (node.params as Node[]) ?? []) expression(p);
        for (const pair of ((node.hash as { pairs: { value: Node }[] } | undefined)?.pairs ?? [])) expression(pair.value);
        visit(node.program as Node | undefined, scope, blockParams);
        return;
      default:
        return;
    }
  };
  visit({ ...(ast as unknown as Node), type: 'Program' }, 0, []);
  return found;
}

/** Formatters by name. One run can write stylish to the terminal and SARIF to a file. */
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FileResult, FormatOptions, Formatter } from './types.js';

export type { FileResult, FormatOptions, Formatter, RuleMeta } from './types.js';

export const formatters = { stylish, json, sarif, github } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

export function formatResults(name: FormatName, results: FileResult[], options: FormatOptions = {}): string {
  return formatters[name](results, options);
}

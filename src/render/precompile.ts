/**
 * The build's step that compiles every built-in template and partial (in either language) into
 * dist/precompiled-templates/, so an officer's first run after installing does not wait for
 * Handlebars' compiler. Run through the bundled script (scripts/precompile-templates.js): the
 * entries are keyed by that script's own code (see engine.ts).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package.js';
import { precompileInto, SHIPPED_TEMPLATES } from './engine.js';

const TEMPLATE_FILE = /\.(id|en)\.md\.hbs$/;

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return templateFiles(path);
      return entry.isFile() && TEMPLATE_FILE.test(entry.name) ? [path] : [];
    });
}

/** Compile all built-in templates afresh; returns how many were written. */
export function precompileBuiltins(): number {
  rmSync(SHIPPED_TEMPLATES, { recursive: true, force: true });
  mkdirSync(SHIPPED_TEMPLATES, { recursive: true });
  const files = templateFiles(join(PACKAGE_ROOT, 'templates'));
  for (const file of files) precompileInto(SHIPPED_TEMPLATES, file, TEMPLATE_FILE.exec(file)![1] as 'id' | 'en');
  return files.length;
}

// Bundles the command line into dist/bundle/:
// - tanggap.cjs, the whole command line as one script, which boot.js runs with V8's code cache
//   (src/boot.ts) — what bin/tanggap.js starts;
// - main.js and its chunks as ES modules (one module per lazily loaded command), which boot.js
//   falls back to;
// - html-worker.cjs, the press kit's HTML worker thread;
// - vendor/: libraries most runs never load, one file each.
// Dependencies stay external except those whose many small modules dominate start-up (yaml,
// commander, typebox, Handlebars' runtime; Handlebars' compiler is loaded from node_modules only
// when a template must be compiled).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const external = ['@inquirer/*', 'marked', '@lydell/node-pty'];
const handlebarsCompilerExternal = {
  name: 'handlebars-compiler-external',
  setup(b) {
    b.onResolve({ filter: /^handlebars(\/.*)?$/ }, (args) => (args.path === 'handlebars/runtime.js' ? undefined : { path: args.path, external: true }));
  },
};

// Chunk names carry content hashes; start clean so stale chunks never ship.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM need a `require`.
  banner: { js: "import { createRequire as __tanggapRequire } from 'node:module'; const require = __tanggapRequire(import.meta.url);" },
  external,
  plugins: [handlebarsCompilerExternal],
});

// The whole command line as one CommonJS script for boot.js. import.meta and import() are not
// available in a script: boot.js passes them in (see the parameters in src/boot.ts).
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/bundle/tanggap.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  define: { 'import.meta.url': '__tanggapUrl', 'import.meta.resolve': '__tanggapResolve' },
  external,
  plugins: [
    handlebarsCompilerExternal,
    {
      name: 'esm-import-from-boot',
      setup(b) {
        b.onLoad({ filter: /[\\/]src[\\/]esm\.ts$/ }, () => ({
          contents: 'export function importEsm(specifier) { return __tanggapImport(specifier); }',
          loader: 'js',
        }));
      },
    },
  ],
});
// Nothing may be left that a script cannot run.
const script = readFileSync('dist/bundle/tanggap.cjs', 'utf8');
for (const pattern of [/\bimport\(/, /\bimport\.meta\b/]) {
  if (pattern.test(script)) throw new Error(`dist/bundle/tanggap.cjs still contains ${pattern}`);
}
// The script's own hash, on its last line, names its code (scriptHash in src/cache.ts) for the code
// cache in src/boot.ts (V8 itself checks only a source's length) and for the shipped templates.
writeFileSync('dist/bundle/tanggap.cjs', `${script}// tanggap-build: ${createHash('sha256').update(script).digest('hex')}\n`);

// The press kit's HTML worker (src/kit/html-convert.ts) as one CommonJS file with marked inside:
// a worker thread boots noticeably faster from one script than from ES modules.
await build({
  entryPoints: ['src/kit/html-worker.ts'],
  outfile: 'dist/bundle/html-worker.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'marked-inside',
      setup(b) {
        b.onLoad({ filter: /[\\/]src[\\/]esm\.ts$/ }, () => ({
          contents:
            "import * as marked from 'marked'; export function importEsm(specifier) { return specifier === 'marked' ? Promise.resolve(marked) : Promise.reject(new Error(`not in the worker: ${specifier}`)); }",
          loader: 'js',
        }));
      },
    },
  ],
});

// The start-up module itself, with the ES module command line as its fallback.
await build({
  entryPoints: ['src/boot.ts'],
  outfile: 'dist/bundle/boot.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'fallback-to-esm-bundle',
      setup(b) {
        b.onResolve({ filter: /^\.\/cli\/main\.js$/ }, () => ({ path: './main.js', external: true }));
      },
    },
  ],
});

// Libraries most runs never load (src/vendor.ts), each as one CommonJS file: one file loads
// faster than their many modules when they are needed.
for (const [name, entry] of [
  ['yaml', 'node_modules/yaml/dist/index.js'],
  ['js-yaml', 'node_modules/js-yaml/index.js'],
]) {
  await build({
    entryPoints: [entry],
    outfile: `dist/bundle/vendor/${name}.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}

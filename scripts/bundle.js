// Bundles the command line into dist/bundle/ (one module per lazily loaded command, shared chunks),
// so start-up reads a handful of files instead of hundreds. Dependencies stay external except
// those whose many small modules dominate start-up (yaml, commander, typebox, Handlebars' runtime;
// Handlebars' compiler is loaded from node_modules only when a template must be compiled).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes; start clean so stale chunks never ship.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // The HTML worker (src/kit/html-convert.ts) is started from its own entry, html-worker.js.
  entryPoints: { main: 'src/cli/main.ts', 'html-worker': 'src/kit/html-worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM need a `require`.
  banner: { js: "import { createRequire as __tanggapRequire } from 'node:module'; const require = __tanggapRequire(import.meta.url);" },
  external: ['@inquirer/*', 'marked', '@lydell/node-pty'],
  plugins: [
    {
      name: 'handlebars-compiler-external',
      setup(b) {
        b.onResolve({ filter: /^handlebars(\/.*)?$/ }, (args) => (args.path === 'handlebars/runtime' ? undefined : { path: args.path, external: true }));
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

// Bundles the command line into dist/bundle/ (one module per lazily loaded command, shared chunks),
// so start-up reads a handful of files instead of hundreds. Dependencies stay external except
// those whose many small modules dominate start-up (yaml, commander, typebox, Handlebars' runtime;
// Handlebars' compiler is loaded from node_modules only when a template must be compiled).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

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

// The `yaml` library as one CommonJS file, required on first use (src/yaml-lib.ts): most
// commands never need it, and one file loads faster than its many modules.
await build({
  entryPoints: ['node_modules/yaml/dist/index.js'],
  outfile: 'dist/bundle/yaml-lib.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

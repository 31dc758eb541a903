// Lints a folder in-process with every rule, the way `tanggap lint` does. Prints {ms, maxRSSMB, files, findings}.
import { loadConfig } from '../dist/lint/config.js';
import { discover } from '../dist/lint/discover.js';
import { ALL_RULES, lintFiles } from '../dist/lint/engine.js';

const dir = process.argv[2];
const t0 = performance.now();
const config = loadConfig(dir, undefined, ALL_RULES.map((r) => r.id));
const files = discover([dir], dir);
const run = await lintFiles(files, config);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRSSMB: process.resourceUsage().maxRSS / 1024, files: files.length, findings: run.errorCount + run.warningCount, filesWithFindings: run.results.filter((r) => r.findings.length).length }));

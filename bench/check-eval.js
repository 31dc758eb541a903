#!/usr/bin/env node
/**
 * Precision and recall of each `tanggap check` rule on the labelled statements in
 * test/check/corpus/ (front matter: kind, lang, channel, incident, playbook, expect: [rule ids]).
 * A rule is counted once per statement: it fired or not, and it was expected or not. Kind and
 * language detection are measured too, by checking each statement again without them.
 *
 *   node bench/check-eval.js            a table
 *   node bench/check-eval.js --json     the same as JSON
 *   node bench/check-eval.js --corpus test/check/heldout   another labelled set (e.g. the held-out one)
 *
 * Runs over dist/ (build first: npm run build). The test suite calls `evaluate` with the sources.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = join(ROOT, 'test', 'check', 'corpus');

function header(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m ? (parse(m[1]) ?? {}) : {};
}

/**
 * @param {object} api  { checkStatement, loadIncident, loadPlaybookFor, Registry, rules }
 * @param {string} [corpus]
 */
export function evaluate(api, corpus = CORPUS) {
  const files = readdirSync(corpus)
    .filter((name) => /\.(md|txt)$/.test(name))
    .sort()
    .map((name) => join(corpus, name))
    .filter((file) => statSync(file).isFile());
  const registry = new api.Registry([]);
  const ruleIds = api.rules.map((r) => r.id);
  const counts = Object.fromEntries(ruleIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const statements = [];
  const detection = { kind: { correct: 0, total: 0, misses: [] }, lang: { correct: 0, total: 0, misses: [] } };

  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const h = header(text);
    const base = dirname(file);
    let avoid;
    let facts;
    if (h.incident) {
      const incident = api.loadIncident(resolve(base, h.incident), registry, 'en');
      facts = incident.facts;
      avoid = incident.playbook?.playbook?.avoid;
    } else if (h.playbook) {
      avoid = api.loadPlaybookFor(resolve(base, h.playbook), registry, base, 'en').playbook?.avoid;
    }
    const result = api.checkStatement(file, text, { uiLang: 'en', kind: h.kind, lang: h.lang, channel: h.channel, avoid, facts });
    const expected = new Set(h.expect ?? []);
    const found = new Set(result.findings.map((f) => f.ruleId));
    for (const id of ruleIds) {
      if (found.has(id) && expected.has(id)) counts[id].tp++;
      else if (found.has(id)) counts[id].fp++;
      else if (expected.has(id)) counts[id].fn++;
    }
    const name = file.slice(corpus.length + 1);
    statements.push({
      file: name,
      expected: [...expected].sort(),
      found: [...found].sort(),
      findings: result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}/${f.messageId}`),
    });

    const detected = api.checkStatement(file, text, { uiLang: 'en', channel: h.channel });
    for (const key of ['kind', 'lang']) {
      if (h[key] === undefined) continue;
      detection[key].total++;
      if (detected[key] === h[key]) detection[key].correct++;
      else detection[key].misses.push(`${name}: ${detected[key]} (labelled ${h[key]})`);
    }
  }

  const rules = Object.fromEntries(
    ruleIds.map((id) => {
      const { tp, fp, fn } = counts[id];
      // With nothing flagged there is nothing wrongly flagged; with nothing expected nothing was missed.
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      return [id, { tp, fp, fn, precision, recall }];
    }),
  );
  return { statements: statements.length, rules, detection, details: statements };
}

function table(report) {
  const rows = [['rule', 'expected', 'found', 'tp', 'fp', 'fn', 'precision', 'recall']];
  for (const [id, r] of Object.entries(report.rules)) {
    rows.push([id, String(r.tp + r.fn), String(r.tp + r.fp), String(r.tp), String(r.fp), String(r.fn), r.precision.toFixed(2), r.recall.toFixed(2)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const pct = (d) => `${d.correct}/${d.total} (${((100 * d.correct) / Math.max(1, d.total)).toFixed(0)}%)`;
  out.push('', `${report.statements} statements; kind detected ${pct(report.detection.kind)}, language detected ${pct(report.detection.lang)}`);
  for (const miss of [...report.detection.kind.misses, ...report.detection.lang.misses]) out.push(`  detection: ${miss}`);
  for (const s of report.details) {
    const wrong = s.found.filter((id) => !s.expected.includes(id));
    const missed = s.expected.filter((id) => !s.found.includes(id));
    if (wrong.length || missed.length) out.push(`  ${s.file}: ${wrong.map((id) => `+${id}`).concat(missed.map((id) => `-${id}`)).join(' ')}`);
  }
  return `${out.join('\n')}\n`;
}

async function main() {
  const dist = (path) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
  let check;
  let registry;
  try {
    check = await dist('check/index.js');
    registry = await dist('playbook/registry.js');
  } catch {
    process.stderr.write('check-eval: build first (npm run build)\n');
    process.exitCode = 2;
    return;
  }
  const at = process.argv.indexOf('--corpus');
  if (at !== -1 && !process.argv[at + 1]) {
    process.stderr.write('check-eval: --corpus needs a folder\n');
    process.exitCode = 2;
    return;
  }
  const corpus = at === -1 ? CORPUS : resolve(process.argv[at + 1]);
  const report = evaluate({ ...check, Registry: registry.Registry, rules: check.CHECK_RULES }, corpus);
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : table(report));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

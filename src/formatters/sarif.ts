/** SARIF 2.1.0 for code-scanning uploads, with stable partialFingerprints. */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';

/**
 * Stable across runs, unrelated edits and interface languages: rule, file, message id and the
 * message's parameters (`Finding.fingerprint`; the text for findings that have none), not the line.
 */
function fingerprint(parts: string[], occurrence: number): string {
  return `${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}:${occurrence}`;
}

export const sarif: Formatter = (results, { cwd = process.cwd(), rules = [], toolName = 'tanggap', toolVersion = '0.0.0' }) => {
  const ruleIds = new Set<string>(rules.map((r) => r.id));
  for (const r of results) for (const f of r.findings) ruleIds.add(f.ruleId);
  const ordered = [...ruleIds].sort();
  const meta = new Map(rules.map((r) => [r.id, r]));
  const seen = new Map<string, number>();
  const sarifResults = results.flatMap((r) => {
    const uri = relative(cwd, r.file).split('\\').join('/');
    return r.findings.map((f) => {
      const identity = f.fingerprint ?? f.message;
      const key = [f.ruleId, uri, f.messageId, identity].join('|');
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      return {
        ruleId: f.ruleId,
        ruleIndex: ordered.indexOf(f.ruleId),
        level: f.severity === 'error' ? 'error' : 'warning',
        message: { text: f.suggestion ? `${f.message} (${f.suggestion})` : f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: uri.startsWith('..') ? { uri: pathToFileURL(r.file).href } : { uri, uriBaseId: '%SRCROOT%' },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, 1) },
            },
          },
        ],
        partialFingerprints: { 'tanggapFinding/v1': fingerprint([f.ruleId, uri, f.messageId, identity], occurrence) },
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            version: toolVersion,
            informationUri: 'https://github.com/tanggap/tanggap',
            rules: ordered.map((id) => ({
              id,
              shortDescription: { text: meta.get(id)?.description ?? id },
              ...(meta.get(id)?.helpUri ? { helpUri: meta.get(id)!.helpUri } : {}),
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href}/` } },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

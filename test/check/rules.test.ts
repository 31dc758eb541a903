/**
 * Table tests over the fixtures: test/fixtures/check/<rule-id>/fail/* must give exactly the message
 * ids their front matter lists for that rule; pass/* must give none of that rule.
 */
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../../src/check/rules/index.js';
import { checkFixture, filesUnder, FIXTURES } from './helpers.js';

for (const rule of CHECK_RULES) {
  describe(rule.id, () => {
    for (const file of filesUnder(join(FIXTURES, rule.id, 'fail'))) {
      it(`flags fail/${basename(file)}`, () => {
        const { header, result } = checkFixture(file);
        const found = result.findings.filter((f) => f.ruleId === rule.id).map((f) => f.messageId).sort();
        expect(header.expect?.length, 'a fail fixture lists its expected message ids').toBeGreaterThan(0);
        expect(found).toEqual([...(header.expect ?? [])].sort());
        for (const f of result.findings.filter((x) => x.ruleId === rule.id)) {
          expect(f.severity).toBe(rule.severity);
          expect(f.line).toBeGreaterThan(0);
          expect(f.column).toBeGreaterThan(0);
          expect(f.message.length).toBeGreaterThan(0);
        }
      });
    }
    for (const file of filesUnder(join(FIXTURES, rule.id, 'pass'))) {
      it(`passes pass/${basename(file)}`, () => {
        const { result } = checkFixture(file);
        expect(result.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
      });
    }
  });
}

import { it } from 'vitest';
import { checkFixture } from '/work/main/test/check/helpers.js';
it('dbg', () => {
  for (const f of (process.env.F ?? '').split(',')) {
    const { result } = checkFixture(f);
    console.log(f, result.kind, result.lang);
    for (const x of result.findings) console.log(`  ${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.ruleId}/${x.messageId} ${x.message}`);
  }
});

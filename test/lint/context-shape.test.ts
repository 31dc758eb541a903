/** The shape lint checks template paths against is the context the renderer builds. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_CONTEXT } from '../../src/render/index.js';
import { checkPath, CONTEXT_SHAPE, contextPaths } from '../../src/lint/context-shape.js';
import { CONTEXT_NAMES } from '../../src/lint/template-ast.js';

describe('the context shape', () => {
  it('names exactly what the renderer offers', () => {
    expect(new Set(contextPaths())).toEqual(new Set(BUILTIN_CONTEXT));
    expect(CONTEXT_NAMES).toEqual(new Set(Object.keys(CONTEXT_SHAPE)));
  });

  it('accepts every documented path', () => {
    for (const path of BUILTIN_CONTEXT) {
      const parts = path.split('.');
      expect(checkPath(CONTEXT_SHAPE[parts[0]], parts), path).toBeUndefined();
    }
  });

  it('finds the first wrong step of a path', () => {
    const check = (path: string) => {
      const parts = path.split('.');
      return checkPath(CONTEXT_SHAPE[parts[0]], parts);
    };
    expect(check('office.kontak.name')).toEqual({ kind: 'unknown-field', parent: 'office', field: 'kontak', known: expect.arrayContaining(['contact', 'hotline']) });
    expect(check('office.contact.nama')).toMatchObject({ kind: 'unknown-field', parent: 'office.contact', field: 'nama' });
    expect(check('office.hotline.nomor')).toEqual({ kind: 'not-a-mapping', parent: 'office.hotline', field: 'nomor', is: 'text' });
    expect(check('incident.start.hour')).toMatchObject({ kind: 'not-a-mapping', is: 'time' });
    expect(check('triage.urgency.value')).toMatchObject({ kind: 'not-a-mapping', is: 'choice' });
    expect(check('keyMessages.first')).toMatchObject({ kind: 'not-a-mapping', is: 'list' });
    expect(check('keyMessages.0')).toBeUndefined();
    expect(check('keyMessages.length')).toBeUndefined();
    expect(check('keyMessages.0.x')).toMatchObject({ kind: 'not-a-mapping', parent: 'keyMessages.0', is: 'text' });
    expect(check('office.constructor')).toMatchObject({ kind: 'unknown-field', field: 'constructor' });
  });

  it('an answer is a single value, or a list for list questions', () => {
    expect(checkPath('answer', ['lokasi', 'kecamatan'])).toMatchObject({ kind: 'not-a-mapping', parent: 'lokasi', is: 'answer' });
    expect(checkPath({ list: 'answer' }, ['korban', '1'])).toBeUndefined();
    expect(checkPath({ list: 'answer' }, ['korban', 'nama'])).toMatchObject({ is: 'list' });
  });
});

/** Hostile answer text for property tests: markup, template syntax, control and bidi characters, long runs. */
import fc from 'fast-check';

export const HOSTILE_PIECES = [
  '{{office.code}}',
  '{{> quote}}',
  '{{#each x}}',
  '}}{{',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">klik</a>',
  '[klik](javascript:alert(1))',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '<https://evil.example>',
  'https://evil.example/x',
  'www.evil.example',
  '![gambar](https://evil.example/x.png)',
  '[ref]: https://evil.example',
  '# Judul',
  '## ',
  '- butir',
  '+ butir',
  '* butir',
  '1. butir',
  '2) butir',
  '> kutipan',
  '---',
  '===',
  '***',
  '```',
  '~~~',
  '    kode',
  '|a|b|',
  '\\',
  '`',
  '_',
  '*',
  '&lt;script&gt;',
  '&#x3C;script&#x3E;',
  '<!-- komentar -->',
  '<style>body{}</style>',
  '[[MISSING: x]]',
  '[[BELUM ADA: y]]',
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u202E',
  '\u202A',
  '\u2066',
  '\u2069',
  '\u200F',
  '\r\n',
  '\n',
  '\n\n',
  '\t',
  '"',
  "'",
  'Rp1.500.000',
];

export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PIECES).map((piece) => piece.repeat(500)) },
  );

/** The elements of an HTML page, by a scan that must account for every "<" in it. */
export function elements(html: string): { tag: string; attributes: { name: string; value: string }[] }[] {
  const found: { tag: string; attributes: { name: string; value: string }[] }[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>|<!DOCTYPE html>/g;
  let consumed = 0;
  for (const m of html.matchAll(tag)) {
    consumed++;
    if (!m[2] || m[1]) continue;
    const attributes = [...(m[3] ?? '').matchAll(/([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)].map((a) => ({
      name: a[1].toLowerCase(),
      value: a[2] ?? a[3] ?? a[4] ?? '',
    }));
    found.push({ tag: m[2].toLowerCase(), attributes });
  }
  const opens = (html.match(/</g) ?? []).length;
  if (opens !== consumed) throw new Error(`unparsed "<" in HTML (${opens} "<", ${consumed} tags)`);
  return found;
}

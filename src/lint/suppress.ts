/**
 * Inline suppressions, which must name the rule:
 *   YAML:       # tanggap-disable-next-line rule-id -- reason
 *   templates:  {{!-- tanggap-disable-next-line rule-id -- reason --}}
 */
const DIRECTIVE = /tanggap-disable-next-line\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g;

/** line number (1-based) -> rule ids suppressed on it */
export function suppressions(source: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const lines = source.split('\n');
  lines.forEach((text, i) => {
    for (const match of text.matchAll(DIRECTIVE)) {
      const target = i + 2;
      const set = out.get(target) ?? new Set<string>();
      for (const id of match[1].split(',')) set.add(id.trim());
      out.set(target, set);
    }
  });
  return out;
}

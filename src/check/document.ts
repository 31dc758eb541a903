/**
 * A statement as the checker reads it: the text with front matter, comments and code blanked out
 * (offsets kept, so every finding points into the file as written), a prose view without Markdown
 * syntax, and its blocks, sentences, words and quotations.
 */
import type { Position } from '../findings.js';

export interface Span {
  start: number;
  end: number;
}

export type BlockType = 'heading' | 'paragraph' | 'list-item' | 'table' | 'quote';

export interface Block extends Span {
  type: BlockType;
  /** the block's prose text (same length as the span) */
  text: string;
}

export interface Word extends Span {
  text: string;
}

export interface Sentence extends Span {
  text: string;
  words: Word[];
  block: Block;
}

/** `<!-- tanggap-disable-next-line rule-a rule-b -- reason -->` or `<!-- tanggap-disable rule-a -->` (whole file). */
export interface Suppression {
  /** 1-based line the directive applies to; 0 for the whole file */
  line: number;
  /** rule ids; empty means every rule */
  rules: Set<string>;
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');
const WORD = /[\p{L}\p{N}]+(?:[-'’.,/:][\p{L}\p{N}]+)*/gu;
const UPPER_START = /^[\p{Lu}\p{N}"“‘'([]/u;

/** Replace `[start, end)` of `text` with spaces, keeping line breaks. */
function maskRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + blank(text.slice(start, end)) + text.slice(end);
}

function maskAll(text: string, re: RegExp, keep?: (m: RegExpMatchArray) => string): string {
  return text.replace(re, (...args) => {
    const m = args.slice(0, -2) as unknown as RegExpMatchArray;
    return keep ? keep(m) : blank(m[0]);
  });
}

export class Statement {
  /** the text as written, with front matter, HTML comments and fenced code blanked out */
  readonly raw: string;
  /** `raw` without Markdown syntax (emphasis, heading and list markers, link targets, tables) */
  readonly prose: string;
  readonly blocks: Block[];
  readonly sentences: Sentence[];
  readonly words: Word[];
  /** quotations (“…” or "…"), within one block */
  readonly quotes: Span[];
  readonly suppressions: Suppression[];
  /** where the statement's own text begins (after front matter and leading comments) */
  readonly contentStart: number;
  private readonly lineStarts: number[];

  /**
   * @param abbreviations words written with a final full stop that do not end a sentence ("Jl", "No", "Dr")
   */
  constructor(
    readonly file: string,
    readonly source: string,
    abbreviations: Iterable<string> = [],
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.lineStarts.push(i + 1);

    let raw = source;
    const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(raw);
    if (fm) raw = maskRange(raw, 0, fm[0].length);
    this.suppressions = [];
    raw = raw.replace(/<!--([\s\S]*?)-->/g, (whole: string, body: string, offset: number) => {
      this.readDirective(body, offset + whole.length);
      return blank(whole);
    });
    raw = maskAll(raw, /^[ \t]{0,3}(```|~~~)[^\n]*(?:\n[\s\S]*?(?:\n[ \t]{0,3}\1[^\n]*|(?![\s\S]))|(?![\s\S]))/gm);
    this.raw = raw.replace(/\r/g, ' ');
    this.prose = proseOf(this.raw);
    const first = /\S/.exec(this.raw);
    this.contentStart = first ? first.index : 0;
    this.blocks = blocksOf(this.raw, this.prose);
    const stops = new Set(abbreviations);
    this.sentences = this.blocks.flatMap((b) => sentencesOf(b, stops));
    this.words = this.sentences.flatMap((s) => s.words);
    this.quotes = this.blocks.flatMap(quotesOf);
  }

  private readDirective(body: string, end: number): void {
    const m = /^\s*tanggap-(disable-next-line|disable)\b([^\n]*?)(?:\s--\s.*)?\s*$/s.exec(body);
    if (!m) return;
    const rules = new Set(
      m[2]
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => /^[a-z0-9-]+$/.test(s)),
    );
    if (m[1] === 'disable') {
      this.suppressions.push({ line: 0, rules });
      return;
    }
    // The directive applies to the next line that carries text.
    let line = this.lineOf(end) + 1;
    while (line <= this.lineStarts.length && this.lineText(line).trim() === '') line++;
    this.suppressions.push({ line, rules });
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.source.length;
    const next = this.lineStarts[line];
    return this.source.slice(start, next === undefined ? undefined : next - 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(start: number, end = start): Position {
    const line = this.lineOf(start);
    const endLine = this.lineOf(Math.max(start, end));
    return {
      line,
      column: start - this.lineStarts[line - 1] + 1,
      endLine,
      endColumn: Math.max(start, end) - this.lineStarts[endLine - 1] + 1,
    };
  }

  /** Is the offset inside a quotation? */
  inQuote(offset: number): boolean {
    return this.quotes.some((q) => offset > q.start && offset < q.end);
  }

  /** The sentence that holds an offset. */
  sentenceAt(offset: number): Sentence | undefined {
    return this.sentences.find((s) => offset >= s.start && offset < s.end);
  }

  /** The text a reader receives, for counting length on a channel: without front matter, comments or trailing space. */
  get body(): string {
    return this.raw
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''))
      .join('\n')
      .replace(/^\n+/, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

/** Blank out Markdown syntax, keeping every other character where it was. */
function proseOf(raw: string): string {
  let p = raw;
  p = maskAll(p, /`[^`\n]+`/g);
  // Backslash escapes (the renderer escapes answers): keep the escaped character.
  p = p.replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, ' $1');
  p = maskAll(p, /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm);
  p = maskAll(p, /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm);
  p = maskAll(p, /^[ \t]*={3,}[ \t]*$/gm);
  p = p.replace(/^([ \t]{0,3})(#{1,6})([ \t]+|$)/gm, (m) => blank(m));
  p = p.replace(/[ \t]+#+[ \t]*$/gm, (m) => blank(m));
  p = p.replace(/^([ \t]*>)+[ \t]?/gm, (m) => blank(m));
  p = p.replace(/^([ \t]*)([-*+]|\d{1,3}[.)])([ \t]+)(\[[ xX]\][ \t]+)?/gm, (m) => blank(m));
  // Images keep their alt text; links keep their text and lose their target.
  p = p.replace(/!?\[([^\]\n]*)\]\(([^)\n]*)\)/g, (m, text: string) => {
    const lead = m.startsWith('!') ? 2 : 1;
    return ' '.repeat(lead) + text + blank(m.slice(lead + text.length));
  });
  p = p.replace(/<(https?:\/\/[^>\s]+|[^@\s>]+@[^>\s]+)>/g, (_m, inner: string) => ` ${inner} `);
  p = p.replace(/<\/?[a-zA-Z][^>\n]*>/g, (m) => blank(m));
  p = p.replace(/\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, (m) => blank(m));
  p = p.replace(/\|/g, ' ');
  return p;
}

function lineType(rawLine: string): BlockType | 'blank' | 'rule' {
  if (rawLine.trim() === '') return 'blank';
  if (/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(rawLine) || /^[ \t]*={3,}[ \t]*$/.test(rawLine)) return 'rule';
  if (/^[ \t]{0,3}#{1,6}([ \t]|$)/.test(rawLine)) return 'heading';
  if (/^[ \t]*>/.test(rawLine)) return 'quote';
  if (/^[ \t]*([-*+]|\d{1,3}[.)])[ \t]+/.test(rawLine)) return 'list-item';
  if (/^[ \t]*\|.*\|[ \t]*$/.test(rawLine)) return 'table';
  return 'paragraph';
}

function blocksOf(raw: string, prose: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let offset = 0;
  const close = () => {
    if (current && prose.slice(current.start, current.end).trim() !== '') {
      current.text = prose.slice(current.start, current.end);
      blocks.push(current);
    }
    current = undefined;
  };
  for (const line of raw.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const type = lineType(line);
    const empty = prose.slice(start, end).trim() === '';
    if (type === 'blank' || type === 'rule' || empty) {
      close();
      continue;
    }
    const continues =
      current !== undefined &&
      ((type === 'paragraph' && (current.type === 'paragraph' || current.type === 'list-item')) || (type === 'quote' && current.type === 'quote'));
    if (continues) {
      current!.end = end;
      continue;
    }
    close();
    current = { type: type as BlockType, start, end, text: '' };
    if (type === 'heading' || type === 'table') close();
  }
  close();
  return blocks;
}

function wordsOf(text: string, base: number): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: base + m.index, end: base + m.index + m[0].length }));
}

/** Split a block into sentences: at terminal punctuation followed by a capital, and at line breaks that end a line of their own. */
function sentencesOf(block: Block, abbreviations: Set<string>): Sentence[] {
  const text = block.text;
  const cuts: number[] = [];
  const terminal = /[.!?…]+["”’)\]]*(?=\s+(\S))/g;
  for (const m of text.matchAll(terminal)) {
    const next = text.slice(m.index + m[0].length).trimStart();
    if (!UPPER_START.test(next)) continue;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const before = /([\p{L}\p{N}.]+)$/u.exec(text.slice(0, m.index))?.[1] ?? '';
      const word = before.split('.').pop() ?? '';
      if (abbreviations.has(word) || abbreviations.has(before) || /^\p{Lu}$/u.test(word)) continue;
    }
    cuts.push(m.index + m[0].length);
  }
  // Line breaks inside a paragraph end a sentence when the line is complete on its own.
  let at = text.indexOf('\n');
  while (at !== -1) {
    const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trimEnd();
    const next = text.slice(at + 1).trimStart();
    if (/[.!?:;…"”]$/.test(line) || (!/[,\-–]$/.test(line) && UPPER_START.test(next))) cuts.push(at);
    at = text.indexOf('\n', at + 1);
  }
  cuts.sort((a, b) => a - b);
  const sentences: Sentence[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const piece = text.slice(from, cut);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed !== '') {
      const start = block.start + from + lead;
      sentences.push({ start, end: start + trimmed.length, text: trimmed, words: wordsOf(trimmed, start), block });
    }
    from = cut;
  }
  return sentences.filter((s) => s.words.length > 0);
}

function quotesOf(block: Block): Span[] {
  const spans: Span[] = [];
  const text = block.text;
  for (const m of text.matchAll(/“[^”]*”|"[^"]*"|«[^»]*»/g)) spans.push({ start: block.start + m.index, end: block.start + m.index + m[0].length });
  // An opening quotation that runs to the end of the block (a quote spanning paragraphs) still counts.
  const curly = text.lastIndexOf('“');
  const straight = (text.match(/"/g) ?? []).length % 2 === 1 ? text.lastIndexOf('"') : -1;
  const open = curly > text.lastIndexOf('”') ? Math.max(curly, straight) : straight;
  if (open !== -1 && !spans.some((s) => s.start <= block.start + open && s.end > block.start + open)) spans.push({ start: block.start + open, end: block.end + 1 });
  return spans;
}

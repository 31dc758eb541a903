/** The built CLI in a real pseudo-terminal (80×24), driven by keystrokes as an officer would. */
import { spawn, type IPty } from '@lydell/node-pty';
import { BIN } from '../helpers/cli.js';

export const KEY = {
  enter: '\r',
  down: '\x1b[B',
  up: '\x1b[A',
  space: ' ',
  escape: '\x1b',
  ctrlC: '\x03',
} as const;

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>]/g;

export interface Terminal {
  pty: IPty;
  /** everything the program wrote, without escape sequences */
  text(): string;
  /** wait until `pattern` appears after `from` (an offset into text()); returns the offset just past it */
  waitFor(pattern: string | RegExp, from?: number): Promise<number>;
  type(keys: string): void;
  /** type a line and press Enter */
  line(text: string): void;
  exited: Promise<{ exitCode: number; signal?: number }>;
}

/** Generous: a loaded CI machine is slow; a prompt that never comes fails the test, it does not time it. */
const WAIT_MS = 45_000;

export function terminal(args: string[], options: { cwd: string; env?: Record<string, string> }): Terminal {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI' && k !== 'FORCE_COLOR') env[k] = v;
  Object.assign(env, { TERM: 'xterm-256color', NO_COLOR: '1', TANGGAP_LANG: 'en' }, options.env ?? {});
  const pty = spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols: 80, rows: 24, cwd: options.cwd, env });
  let raw = '';
  const waiters = new Set<() => void>();
  pty.onData((data) => {
    raw += data;
    for (const check of [...waiters]) check();
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => pty.onExit((e) => {
    resolve(e);
    for (const check of [...waiters]) check();
  }));
  let done = false;
  void exited.then(() => (done = true));
  const text = () => raw.replace(ANSI, '').replace(/\r/g, '');
  return {
    pty,
    text,
    exited,
    type: (keys) => pty.write(keys),
    line: (value) => pty.write(`${value}\r`),
    waitFor: (pattern, from = 0) =>
      new Promise((resolve, reject) => {
        const find = (): number | undefined => {
          const rest = text().slice(from);
          if (typeof pattern === 'string') {
            const at = rest.indexOf(pattern);
            return at < 0 ? undefined : from + at + pattern.length;
          }
          const m = pattern.exec(rest);
          return m ? from + m.index + m[0].length : undefined;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${String(pattern)}; the terminal shows:\n${text().slice(-2000)}`));
        }, WAIT_MS);
        const check = () => {
          const at = find();
          if (at !== undefined) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(at);
          } else if (done) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`the program exited before ${String(pattern)} appeared; it showed:\n${text().slice(-2000)}`));
          }
        };
        waiters.add(check);
        check();
      }),
  };
}

/** Exit codes, and errors that carry one. Only the CLI layer turns them into output. */
export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/** A problem with the command line, the configuration or the input files: one line, exit 2. */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
}

/** The officer pressed Ctrl-C; whatever was typed is already saved. */
export class InterruptedError extends Error {
  readonly exitCode = EXIT.interrupted;
}

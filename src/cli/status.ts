// Placeholder until this command lands; replaced by its real implementation.
import type { CliContext } from './main.js';
import { UsageError } from './errors.js';

export async function run(..._args: unknown[]): Promise<void> {
  void (null as unknown as CliContext);
  throw new UsageError('status: not available yet');
}

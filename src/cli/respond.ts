// Placeholder until this command lands; replaced by its real implementation.
import { UsageError } from './errors.js';

export async function runRespond(..._args: unknown[]): Promise<void> {
  throw new UsageError('respond: not available yet');
}
export async function runResume(..._args: unknown[]): Promise<void> {
  throw new UsageError('resume: not available yet');
}

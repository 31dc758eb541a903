// A one-line description of the machine, for benchmark reports.
import { cpus, totalmem } from 'node:os';

export const os = () => `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;

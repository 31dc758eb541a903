/** `tanggap schema`: the playbook format as JSON Schema (draft-07), for editors. */
import { jsonSchema } from '../playbook/schema.js';
import type { CliContext } from './main.js';

export async function run(ctx: CliContext): Promise<void> {
  ctx.stdout.write(`${JSON.stringify(jsonSchema(), null, 2)}\n`);
}

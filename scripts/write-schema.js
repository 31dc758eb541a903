// Writes schema/playbook.schema.json from the built schema module (the single source of truth).
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchema } from '../dist/playbook/schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/playbook.schema.json', import.meta.url), `${JSON.stringify(jsonSchema(), null, 2)}\n`);

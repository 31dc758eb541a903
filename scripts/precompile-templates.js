// Compiles the built-in templates into dist/precompiled-templates/ through the bundled command
// line itself (dist/bundle/tanggap.cjs, as bin/tanggap.js runs it), so the entries match the code
// that will use them. The user's cache is left alone.
import { commandLineModule } from '../dist/bundle/boot.js';

process.env.TANGGAP_NO_CACHE = '1';
const cli = await commandLineModule(['node', 'tanggap', 'precompile']);
const count = await cli.precompileBuiltinTemplates();
if (count === 0) throw new Error('no built-in templates found to precompile');

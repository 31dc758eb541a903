#!/usr/bin/env node
let main;
try {
  main = await (await import('../dist/bundle/boot.js')).commandLine(process.argv);
} catch (error) {
  // An installation that cannot start: one line and the usage/internal exit code.
  process.stderr.write(`tanggap: cannot start (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); reinstall tanggap\n`);
  process.exit(2);
}
main(process.argv);

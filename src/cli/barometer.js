#!/usr/bin/env node
// The `barometer` command: loads TypeScript support, then runs the CLI entry.
import './register.js';

const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

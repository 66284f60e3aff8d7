#!/usr/bin/env node
// Runs the TypeScript command line through tsx's loader, so the CLI is always the same code as the app.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

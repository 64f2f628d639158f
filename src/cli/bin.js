#!/usr/bin/env node
// The CLI straight from the TypeScript sources, through tsx: for tests and development, where a
// build would be one more step. Operators run the package bin (bin/rollcall.js), which runs dist/.
import { register } from 'tsx/esm/api';

register();
await import('./rollcall.ts');

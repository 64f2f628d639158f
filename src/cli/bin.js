#!/usr/bin/env node
// The package bin is plain JavaScript so `rollcall` runs without a build: it teaches Node to load
// TypeScript through tsx, then hands over to the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./rollcall.ts');

#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx cyber8k` works right after `npm install`
// with no build step to remember.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

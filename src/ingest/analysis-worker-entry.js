// Entry of an analysis thread. Worker threads do not inherit the parent's TypeScript loader
// (bin/cyber8k.js registers tsx in the main thread only; vitest has its own), so each thread
// registers tsx before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');

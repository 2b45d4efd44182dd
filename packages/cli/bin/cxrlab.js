#!/usr/bin/env node
// The cxrlab command. The TypeScript build (npm run build, run by npm ci) produces ../dist.
import { availableParallelism } from 'node:os';

// Image encoding (sharp) runs on libuv's thread pool, 4 threads by default: give a batch one per
// core at least. This must happen before anything uses the pool, hence the dynamic import.
process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism()));
await import('../dist/main.js');

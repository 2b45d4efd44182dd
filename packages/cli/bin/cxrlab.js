#!/usr/bin/env node
// The cxrlab command. The TypeScript build (npm run build, run by npm ci) produces ../dist.
import '../dist/main.js';

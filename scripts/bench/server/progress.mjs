// Progress lines of `npm run bench:server`, on stderr (the report goes to stdout), with the time since the start.
const t0 = performance.now();
export const progress = (s) => process.stderr.write(`  … [${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${s}\n`);

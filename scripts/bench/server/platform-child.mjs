// What `cxrlab import` and `cxrlab export --project` do, in a process of their own, through the same
// package functions (importImages; createExportSnapshot), for a CLI that lacks those commands:
//   node platform-child.mjs '{"op":"import","dataDir":D,"url":U?,"dir":DIR,"key":K,"split":"train"}'
//   node platform-child.mjs '{"op":"export","dataDir":D,"url":U?,"key":K,"format":F}'
// Opens the database as the CLI does (openDatabase: migrations included) and prints a JSON summary.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { openDatabase } from '@cxrlab/server';
import { SERVER_DIST } from './config.mjs';

const job = JSON.parse(process.argv[2]);
const load = (path) => import(pathToFileURL(join(SERVER_DIST, path)).href);
const opened = await openDatabase({ dataDir: job.dataDir, ...(job.url !== undefined ? { url: job.url } : {}) });
try {
  const project = await opened.db.selectFrom('projects').selectAll().where('key', '=', job.key).executeTakeFirstOrThrow();
  if (job.op === 'import') {
    const { importImages } = await load('import/import-images.js');
    const r = await importImages(opened.db, { project, paths: [job.dir], split: job.split ?? 'train', actorId: null });
    process.stdout.write(`${JSON.stringify({ added: r.added, unchanged: r.unchanged, refused: r.refused.length, failed: r.failed.length })}\n`);
  } else if (job.op === 'export') {
    const { createExportSnapshot } = await load('export/index.js');
    const s = await createExportSnapshot(opened.db, project, job.format, { dataDir: job.dataDir, userId: null, source: 'cli' });
    process.stdout.write(`${JSON.stringify({ number: s.number, counts: s.counts, folder: s.folder })}\n`);
  } else throw new Error(`unknown op ${job.op}`);
} finally {
  await opened.close();
}

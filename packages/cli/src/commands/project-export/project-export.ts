// `cxrlab export --project KEY --format ...`: a numbered export snapshot of a project of the
// platform, made by the same code as POST /api/projects/:key/exports, optionally copied to --out.
import { createExportSnapshot, EXPORT_FORMATS, type ExportCounts } from '@cxrlab/server';
import { ExitCode, UsageError, type CliIO } from '../../io.js';
import { oneOf, parseArguments } from '../../options.js';
import { openServerDatabase, SERVER_DATABASE_OPTIONS } from '../server/server-database.js';
import { checkOutTarget, copySnapshot } from './copy-snapshot.js';

export async function runProjectExport(args: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: { project: { type: 'string' }, format: { type: 'string' }, out: { type: 'string', short: 'o' }, ...SERVER_DATABASE_OPTIONS },
  });
  if (positionals.length > 0) throw new UsageError(`--project exports a project of the platform; an annotations file (${positionals[0]}) is not read then`);
  if (values.project === undefined || values.project === '') throw new UsageError('--project needs a project key');
  if (values.format === undefined) throw new UsageError('--format is required');
  const format = oneOf('--format', values.format, EXPORT_FORMATS);
  const out = values.out === undefined ? undefined : checkOutTarget(values.out);

  const opened = await openServerDatabase(values, env);
  try {
    const project = await opened.db.selectFrom('projects').selectAll().where('key', '=', values.project).executeTakeFirst();
    if (project === undefined) {
      io.stderr.write(`cxrlab export: no project ${values.project} in ${opened.location}\n`);
      return ExitCode.failed;
    }
    let snapshot;
    try {
      snapshot = await createExportSnapshot(opened.db, project, format, { dataDir: opened.dataDir, userId: null, source: 'cli' });
    } catch (error) {
      // the server's coded errors (a consensus project in the kaggle layout, a reader without a pseudonym)
      if (error instanceof Error && error.name === 'ApiError') {
        io.stderr.write(`cxrlab export: ${error.message}\n`);
        return ExitCode.failed;
      }
      throw error;
    }
    io.stdout.write(`export ${snapshot.number} of ${project.key} (${format}): ${describeCounts(snapshot.counts, project.workflow)}\n`);
    io.stdout.write(`folder: ${snapshot.folder}\n`);
    if (out !== undefined) {
      copySnapshot(snapshot.folder, out);
      io.stdout.write(`copied to: ${out}\n`);
    }
    return ExitCode.ok;
  } finally {
    await opened.close();
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** E.g. "3 images, 9 reads by 3 readers, 9 boxes, 11 global labels; 1 unfinished image left out". */
export function describeCounts(c: ExportCounts, workflow: 'independent' | 'consensus'): string {
  const what = workflow === 'independent' ? `${plural(c.reads, 'read')} by ${plural(c.readers, 'reader')}` : 'the final consensus';
  const parts = [plural(c.images, 'image'), what, c.boxes === 1 ? '1 box' : `${c.boxes} boxes`, plural(c.globalLabels, 'global label')];
  const left = c.skippedUnfinished > 0 ? `; ${plural(c.skippedUnfinished, 'unfinished image')} left out` : '';
  const noClass = c.leftOut === undefined ? '' : `; boxes without a class id left out: ${Object.entries(c.leftOut).map(([label, n]) => `${n} ${label}`).join(', ')}`;
  return `${parts.join(', ')}${left}${noClass}`;
}

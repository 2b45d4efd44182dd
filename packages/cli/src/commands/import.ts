import { join } from 'node:path';
import { ProgressReporter, type ProgressStream } from '@cxrlab/pipeline';
import { importImages } from '@cxrlab/server';
import { ExitCode, type CliIO } from '../io.js';
import type { Command } from '../run-cli.js';
import { importSummary } from './import/import-summary.js';
import { parseImportArgs } from './import/import-options.js';
import { openServerDatabase, SERVER_DATABASE_USAGE } from './server/server-database.js';

const USAGE = `Usage: cxrlab import INPUT... --project KEY [options]

Registers de-identified DICOM files as images of a labelling project, from their headers only (the
pixels are not read): the image id (the file name when it is one, 32 lowercase hex digits as
\`cxrlab deid\` writes them; else the MD5 of the SOP Instance UID), the size, depth and window
presets. Directories are walked recursively (hidden entries skipped; .dcm, .dicom, .dic files, and
files without an extension that carry the DICM preamble). Files that still identify the patient
(name, ID, birth date, institution, ...) and colour images are refused. A re-run registers nothing
twice: files registered before are reported unchanged. Exits 1 when a file was refused or failed.

Options:
  --project KEY       the project (it must exist: create it in the web app or over the API)
  --split S           train or test (default train)
  --allow-identified  register files that still carry patient identity
  --copy              copy the files into the data dir (images/KEY/<image id>.dicom); by
                      default they are registered where they are and must stay there
${SERVER_DATABASE_USAGE}`;

export async function runImport(args: string[], io: CliIO): Promise<number> {
  const request = parseImportArgs(args);
  const started = performance.now();
  const opened = await openServerDatabase(request.database);
  try {
    const project = await opened.db.selectFrom('projects').selectAll().where('key', '=', request.project).executeTakeFirst();
    if (project === undefined) {
      io.stderr.write(`cxrlab import: no project ${request.project} in ${opened.location}\n`);
      return ExitCode.failed;
    }
    const progress = new ProgressReporter(io.stderr as ProgressStream, { label: 'import' });
    let reported = -1;
    let result;
    try {
      result = await importImages(opened.db, {
        project,
        paths: request.inputs,
        split: request.split,
        allowIdentified: request.allowIdentified,
        ...(request.copy ? { copyInto: join(opened.dataDir, 'images', project.key) } : {}),
        actorId: null,
        onProgress: (done, total) => {
          if (reported < 0) {
            progress.start(total);
            reported = 0;
          }
          for (; reported < done; reported++) progress.tick('ok');
        },
      });
    } finally {
      progress.finish();
    }
    io.stdout.write(importSummary(result, project.key, request.split, performance.now() - started));
    return result.refused.length > 0 || result.failed.length > 0 ? ExitCode.failed : ExitCode.ok;
  } finally {
    await opened.close();
  }
}

export const importCommand: Command = {
  name: 'import',
  usage: USAGE,
  run: (args, io) => runImport(args, io),
};

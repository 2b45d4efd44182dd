// Import of IMPORT.files de-identified files into an empty project (a database made again each run:
// an administrator and the project IMPORT, VinDr train template), timed as a whole process, spawn to
// exit; then the same command again: the idempotent path (every file "unchanged"). The counts come
// from import_runs and must be exactly files added, then files unchanged, else the row is an error.
import { IMPORT, serverModule } from './config.mjs';
import { importCommand, runTimed } from './commands.mjs';
import { dropPlace, openPlace, place } from './databases.mjs';
import { waitForIdle } from './cpu.mjs';
import { progress } from './progress.mjs';

const { createProject } = await serverModule('projects/create-project.js');

export async function lastImportRun(p, key) {
  const opened = await openPlace(p);
  try {
    const project = await opened.db.selectFrom('projects').select('id').where('key', '=', key).executeTakeFirstOrThrow();
    return await opened.db.selectFrom('import_runs').select(['added', 'unchanged', 'refused', 'failed']).where('project_id', '=', project.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  } finally {
    await opened.close();
  }
}

/** Creates an administrator and an empty project `key` in place `p`; returns the administrator's id. */
export async function emptyProject(db, key, name) {
  const admin = await db.insertInto('users').values({ username: 'bench-admin', display_name: 'Bench administrator', password_hash: 'x', is_admin: 1, disabled: 0, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
  await createProject(db, { key, name, template: 'vindr-train' }, admin.id);
  return admin.id;
}

export async function importPhase(dialect, files) {
  const p = place(dialect, 'import');
  await dropPlace(p);
  const opened = await openPlace(p);
  try {
    await emptyProject(opened.db, IMPORT.key, 'bench: import');
  } finally {
    await opened.close();
  }
  const command = importCommand(p, files.dir, IMPORT.key);
  const out = { dialect, command: command.display, files: files.paths.length, runs: [] };
  for (const [i, expect] of [['first', 'added'], ['again', 'unchanged']].entries()) {
    progress(`${dialect}: import ${i === 0 ? '' : 'again '}(${files.paths.length} files)`);
    const idle = await waitForIdle({ maxSeconds: 10, label: `${dialect} import: ` });
    const run = await runTimed(command);
    const counts = await lastImportRun(p, IMPORT.key);
    const ok = Number(counts[expect[1]]) === files.paths.length && Number(counts.refused) === 0 && Number(counts.failed) === 0;
    out.runs.push({ name: expect[0], seconds: run.seconds, busyBefore: idle.busy, counts, ok, problem: ok ? undefined : `expected ${files.paths.length} ${expect[1]}, got ${JSON.stringify(counts)}` });
  }
  return out;
}

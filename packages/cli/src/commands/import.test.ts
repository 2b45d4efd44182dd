import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deidentifyFile } from '@cxrlab/deid';
import { readDicomFileSync, writeDicomFileSync } from '@cxrlab/dicom';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { openDatabase } from '@cxrlab/server';
import { UsageError } from '../io.js';
import { importCommand } from './import.js';

type Run = { code: number; stdout: string; stderr: string };

async function run(...args: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { isTTY: false, write: (t: string) => (out.stderr += t) } };
  const code = await importCommand.run(args, io);
  return { code, ...out };
}

const IDENTIFIED = ['CR-MONO1-10-chest.dcm', 'RG2_JPLY.dcm', 'RG3_JPLY.dcm'].map((n) => sharedFixture('cr', n));

describe('cxrlab import', () => {
  let work: string;
  let data: string;
  let clean: string;
  let imageIds: string[];
  const images = async () => {
    const opened = await openDatabase({ dataDir: data });
    try {
      return await opened.db.selectFrom('images').innerJoin('projects', 'projects.id', 'images.project_id').select(['projects.key', 'images.image_id', 'images.path', 'images.split']).orderBy('images.image_id').execute();
    } finally {
      await opened.close();
    }
  };

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'cxrlab-import-cli-'));
    data = join(work, 'data');
    clean = join(work, 'deidentified');
    mkdirSync(clean, { recursive: true });
    imageIds = [];
    for (const source of IDENTIFIED) {
      const result = await deidentifyFile(readDicomFileSync(source), { profile: 'vindr', scrub: 'off' });
      writeDicomFileSync(join(clean, `${result.imageId}.dicom`), result.file, { durable: false });
      imageIds.push(result.imageId);
    }
    imageIds.sort();
    // the projects exist before an import (created over the API); here straight in the database
    const opened = await openDatabase({ dataDir: data });
    for (const key of ['CLI', 'COPY']) {
      await opened.db
        .insertInto('projects')
        .values({ key, name: key, workflow: 'independent', readers_per_image: 3, reviewers_per_image: 0, schema_json: '{}', rules_json: '[]', assignment_seed: 1, created_at: new Date().toISOString(), created_by: null })
        .execute();
    }
    await opened.close();
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('imports de-identified files, refuses identified ones, reports a corrupt one, and exits 1', async () => {
    const mixed = join(work, 'mixed');
    mkdirSync(mixed, { recursive: true });
    copyFileSync(IDENTIFIED[1]!, join(mixed, 'identified.dcm'));
    const corrupt = Buffer.alloc(300);
    corrupt.write('DICM', 128, 'latin1');
    writeFileSync(join(mixed, 'corrupt.dcm'), corrupt);
    const r = await run(clean, mixed, '--project', 'CLI', '--split', 'test', '--data', data);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^cxrlab import: 5 files into project CLI \(test\) in [\d.]+ s: 3 added, 0 unchanged, 1 refused, 1 failed\n/);
    assert.match(r.stdout, /refused:\n {2}.*identified\.dcm: still identifies the patient: PatientName, PatientID.*; de-identify it first \(cxrlab deid\) or pass --allow-identified\n/);
    assert.match(r.stdout, /failed:\n {2}.*corrupt\.dcm: /);
    const rows = await images();
    assert.deepEqual(rows.map((i) => i.image_id), imageIds);
    assert.ok(rows.every((i) => i.key === 'CLI' && i.split === 'test' && i.path.startsWith(clean)));
    assert.equal(r.stderr, '', 'no progress drawn when stderr is not a terminal');
  });

  it('a re-run registers nothing twice and exits 0', async () => {
    const r = await run(clean, '--project', 'CLI', '--split', 'test', '--data', data);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /0 added, 3 unchanged, 0 refused, 0 failed/);
    assert.equal((await images()).length, 3);
  });

  it('--copy puts the files into the data dir; --allow-identified takes identified files', async () => {
    // (not one of IDENTIFIED: an original and its de-identified copy share the image id, and would conflict)
    const r = await run(clean, sharedFixture('cr', 'RG2_UNC.dcm'), '--project', 'COPY', '--copy', '--allow-identified', '--data', data);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /4 added/);
    const copied = (await images()).filter((i) => i.key === 'COPY');
    assert.equal(copied.length, 4);
    for (const image of copied) {
      assert.equal(image.path, join(data, 'images', 'COPY', `${image.image_id}.dicom`));
      assert.ok(existsSync(image.path));
    }
    assert.ok(readFileSync(join(data, 'images', 'COPY', `${imageIds[0]}.dicom`)).equals(readFileSync(join(clean, `${imageIds[0]}.dicom`))));
  });

  it('usage errors and an unknown project', async () => {
    await assert.rejects(run('--project', 'CLI', '--data', data), UsageError);
    await assert.rejects(run(clean, '--data', data), /--project KEY is required/);
    await assert.rejects(run(clean, '--project', 'lower', '--data', data), UsageError);
    await assert.rejects(run(clean, '--project', 'CLI', '--split', 'val', '--data', data), /--split must be one of train, test/);
    const missing = await run(clean, '--project', 'NOSUCH', '--data', data);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no project NOSUCH/);
  });
});

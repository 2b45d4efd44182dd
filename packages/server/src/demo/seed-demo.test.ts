import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { createProject } from '../projects/create-project.js';
import { createTestServer, forEachDialect, login, type TestServer } from '../testing/index.js';
import { defaultDemoFixtures } from './demo-images.js';
import { seedDemo, type SeedDemoOptions } from './seed-demo.js';

const RG1 = sharedFixture('cr', 'RG1_JLSN.dcm');
const FIXTURES = existsSync(RG1) ? [RG1] : [];
const PASSWORD = 'demo-users-password';
/** Small images keep the suite quick; the default size is exercised by the CLI's --demo test. */
const SMALL = { train: 2, test: 2, size: 320 };

/** pydicom's reading of the files: the identity attributes and the image description. */
function pydicomHeaders(paths: string[]): Array<Record<string, string | number | null>> {
  const script = `
import json, sys, pydicom
out = []
for path in json.load(sys.stdin):
    d = pydicom.dcmread(path, stop_before_pixels=True)
    v = lambda k: (str(d.get(k)) if d.get(k) not in (None, '') else None)
    out.append({'PatientName': v('PatientName'), 'PatientID': v('PatientID'), 'PatientBirthDate': v('PatientBirthDate'),
                'InstitutionName': v('InstitutionName'), 'Rows': int(d.Rows), 'Columns': int(d.Columns),
                'BitsStored': int(d.BitsStored), 'Photometric': str(d.PhotometricInterpretation)})
print(json.dumps(out))`;
  const run = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(paths), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

async function counts(server: TestServer): Promise<Record<string, number>> {
  const db = server.ctx.db;
  const n = async (table: 'users' | 'projects' | 'images' | 'tasks' | 'memberships' | 'import_runs'): Promise<number> =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { users: await n('users'), projects: await n('projects'), images: await n('images'), tasks: await n('tasks'), memberships: await n('memberships'), importRuns: await n('import_runs') };
}

it('finds the shared chest fixture when it is beside the repository', () => {
  assert.deepEqual(defaultDemoFixtures(), FIXTURES);
});

await forEachDialect('demo seeding', (dialect) => {
  let server: TestServer;
  const options = (): SeedDemoOptions => ({ dataDir: server.dataDir, password: PASSWORD, images: SMALL, fixtures: FIXTURES });
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  it('creates the users, both projects with their members, the images and the reading tasks', async () => {
    const seed = await seedDemo(server.ctx.db, options());
    assert.equal(seed.created, true);
    assert.equal(seed.generatedPassword, undefined, 'the password was given');
    assert.deepEqual(seed.problems, []);
    assert.deepEqual(seed.users, [
      { username: 'ann1', role: 'annotator', created: true },
      { username: 'ann2', role: 'annotator', created: true },
      { username: 'ann3', role: 'annotator', created: true },
      { username: 'rev1', role: 'reviewer', created: true },
      { username: 'rev2', role: 'reviewer', created: true },
    ]);
    const trainImages = SMALL.train + FIXTURES.length;
    assert.deepEqual(
      seed.projects.map(({ key, workflow, readersPerImage, reviewersPerImage, images, annotateTasks, created }) => ({ key, workflow, readersPerImage, reviewersPerImage, images, annotateTasks, created })),
      [
        { key: 'DEMO-TRAIN', workflow: 'independent', readersPerImage: 3, reviewersPerImage: 0, images: trainImages, annotateTasks: 3 * trainImages, created: true },
        { key: 'DEMO-TEST', workflow: 'consensus', readersPerImage: 3, reviewersPerImage: 2, images: SMALL.test, annotateTasks: 3 * SMALL.test, created: true },
      ],
    );

    const db = server.ctx.db;
    const userName = new Map((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.id, u.username]));
    for (const [key, split, members] of [
      ['DEMO-TRAIN', 'train', ['admin:owner', 'ann1:annotator', 'ann2:annotator', 'ann3:annotator']],
      ['DEMO-TEST', 'test', ['admin:owner', 'ann1:annotator', 'ann2:annotator', 'ann3:annotator', 'rev1:reviewer', 'rev2:reviewer']],
    ] as const) {
      const project = await db.selectFrom('projects').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
      const rows = await db.selectFrom('memberships').select(['user_id', 'role']).where('project_id', '=', project.id).where('active', '=', 1).execute();
      assert.deepEqual(rows.map((m) => `${userName.get(m.user_id)}:${m.role}`).sort(), [...members]);
      const images = await db.selectFrom('images').selectAll().where('project_id', '=', project.id).execute();
      assert.ok(images.every((i) => i.split === split));
      // every image read by the 3 annotators, each once; no review task before the reads are done
      for (const image of images) {
        const tasks = await db.selectFrom('tasks').select(['user_id', 'kind']).where('image_id', '=', image.id).execute();
        assert.deepEqual(tasks.map((t) => `${t.kind}:${userName.get(t.user_id)}`).sort(), ['annotate:ann1', 'annotate:ann2', 'annotate:ann3'], image.image_id);
      }
      // the files, read by pydicom: de-identified, 12-bit synthetic images of both photometric interpretations
      const headers = pydicomHeaders(images.map((i) => i.path));
      for (const [k, header] of headers.entries()) {
        assert.deepEqual([header['PatientName'], header['PatientID'], header['PatientBirthDate'], header['InstitutionName']], [null, null, null, null], images[k]!.path);
        assert.deepEqual([header['Rows'], header['Columns'], header['Photometric']], [images[k]!.height, images[k]!.width, images[k]!.photometric]);
      }
      const synthetic = headers.filter((h) => h['Rows'] === SMALL.size);
      assert.equal(synthetic.length, split === 'train' ? SMALL.train : SMALL.test);
      assert.ok(synthetic.every((h) => h['Columns'] === SMALL.size && h['BitsStored'] === 12));
      assert.deepEqual(new Set(synthetic.map((h) => h['Photometric'])), new Set(['MONOCHROME1', 'MONOCHROME2']));
      assert.ok(images.every((i) => i.path.startsWith(server.dataDir)), 'the images live in the data dir');
    }

    // the users can log in with the demo password
    for (const user of seed.users) assert.equal((await login(server.app, user.username, PASSWORD)).username, user.username);
  });

  it('does nothing the second time', async () => {
    const before = await counts(server);
    const again = await seedDemo(server.ctx.db, { ...options(), password: undefined });
    assert.equal(again.created, false);
    assert.equal(again.generatedPassword, undefined);
    assert.ok(again.users.every((u) => !u.created) && again.users.length === 5);
    assert.ok(again.projects.every((p) => !p.created) && again.projects.length === 2);
    assert.deepEqual(await counts(server), before);
  });
});

await forEachDialect('demo seeding, generated password and an interrupted first seeding', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  it('refuses a too short password', async () => {
    await assert.rejects(seedDemo(server.ctx.db, { dataDir: server.dataDir, password: 'short', images: SMALL, fixtures: [] }), (e: Error) => e.name === 'StartError' && /at least 10 characters/.test(e.message));
  });

  it('finishes a project that was created but not set up, and returns the generated password', async () => {
    const adminId = server.admin.userId!;
    const half = await createProject(server.ctx.db, { key: 'DEMO-TRAIN', name: 'interrupted', template: 'vindr-train' }, adminId);
    const seed = await seedDemo(server.ctx.db, { dataDir: server.dataDir, images: SMALL, fixtures: [] });
    assert.equal(seed.created, true);
    assert.match(seed.generatedPassword ?? '', /^[\w-]{16,}$/);
    assert.equal((await login(server.app, 'rev2', seed.generatedPassword!)).username, 'rev2');
    const train = seed.projects.find((p) => p.key === 'DEMO-TRAIN')!;
    assert.deepEqual([train.images, train.annotateTasks, train.name], [SMALL.train, 3 * SMALL.train, 'interrupted']);
    const rows = await server.ctx.db.selectFrom('projects').select('id').where('key', '=', 'DEMO-TRAIN').execute();
    assert.deepEqual(rows.map((r) => r.id), [half.id]);
  });
});

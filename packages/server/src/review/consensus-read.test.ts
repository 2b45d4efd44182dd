// readConsensus reads what is stored: version, status, labels in stored order, box ids.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { rowsOfContent, type ConsensusContent } from './consensus-content.js';
import { readConsensus } from './consensus-read.js';
import { buildReviewFixture, READS } from './review.test-fixture.js';

await forEachDialect('consensus queries', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  it('returns an image\'s consensus with its labels in stored order', async () => {
    const f = await buildReviewFixture(server, 'q1');
    const g = await buildReviewFixture(server, 'q2');
    const store = async (imageRowId: number, content: ConsensusContent, status: 'open' | 'final', version: number) => {
      const rows = rowsOfContent(imageRowId, content);
      if (rows.length > 0) await f.db.insertInto('consensus_annotations').values(rows).execute();
      await f.db.updateTable('consensus').set({ status, version }).where('image_id', '=', imageRowId).execute();
    };
    const a: ConsensusContent = { globals: ['Pneumonia', 'Other diseases'], boxes: [READS.alice.boxes[1]!, READS.alice.boxes[0]!] };
    const b: ConsensusContent = { globals: ['No finding'], boxes: [] };
    await store(f.image.id, a, 'final', 4);
    await store(f.otherImage.id, b, 'final', 2);
    await store(g.image.id, READS.bob, 'final', 1); // another project
    await store(g.otherImage.id, READS.carol, 'open', 1);

    assert.deepEqual((await readConsensus(f.db, f.otherImage.id))?.globals, b.globals);
    assert.deepEqual((await readConsensus(f.db, g.image.id))?.globals, READS.bob.globals);

    const one = await readConsensus(f.db, f.image.id);
    assert.equal(one?.version, 4);
    assert.equal(one?.status, 'final');
    assert.deepEqual(one?.globals, a.globals);
    assert.deepEqual(one?.boxes.map(({ id: _id, ...box }) => box), a.boxes);
    assert.equal(new Set(one?.boxes.map((box) => box.id)).size, 2);
    const open = await readConsensus(f.db, g.otherImage.id);
    assert.deepEqual([open?.status, open?.globals, open?.boxes], ['open', ['No finding'], []]);
    assert.equal(await readConsensus(f.db, 987654), undefined);
  });
});

// The benchmark's server and data: a real server (startServer, in this process, on a temporary SQLite data
// dir; pixels are rendered in its worker threads) serving the built app; one annotator; BENCH, a project of
// READING.images full-size 16-bit synthetic chest radiographs, one read each (independent, N = 1); CROWD,
// one image whose draft holds CROWD.boxes boxes (PUT /api/tasks/:id/annotation before it is opened).
import { CROWD, IMAGE, READING, harness } from './config.mjs';

const LOCAL_LABELS = ['Nodule/Mass', 'Pleural effusion', 'Cardiomegaly', 'Atelectasis', 'Calcification', 'Consolidation', 'Lung Opacity', 'Other lesion'];

/** Deterministic boxes spread over the image (sizes 20 to 220 px). */
export function crowdBoxes(n, width, height) {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) => {
    const w = 20 + rnd() * 200;
    const h = 20 + rnd() * 200;
    const x = rnd() * (width - w);
    const y = rnd() * (height - h);
    return { label: LOCAL_LABELS[i % LOCAL_LABELS.length], xMin: Math.round(x), yMin: Math.round(y), xMax: Math.round(x + w), yMax: Math.round(y + h) };
  });
}

export async function seedBench(progress) {
  const h = await harness();
  const web = await h.startWebServer();
  try {
    const t0 = performance.now();
    const [reader] = await h.createUsers(web, ['reader']);
    const rowIds = new Map();
    for (const [key, count, first] of [[READING.key, READING.images, 0], [CROWD.key, 1, 100]]) {
      await h.createProject(web, { key, template: 'vindr-train', readersPerImage: 1 });
      await h.addMembers(web, key, [reader], 'annotator');
      progress(`generating and uploading ${count} ${IMAGE.columns} x ${IMAGE.rows} (width x height) ${IMAGE.bitsStored}-bit image(s) into ${key}`);
      for (const image of await h.uploadImages(web, key, 'train', count, { ...IMAGE, first, photometric: 'MONOCHROME2' })) rowIds.set(image.imageId, image.id);
      await h.assign(web, key);
    }
    // the reading order, as the server gives it (position), and the crowded draft
    const list = h.expectStatus(await reader.api.get(`/api/projects/${READING.key}/tasks?kind=annotate&limit=100`), 200, 'worklist');
    const tasks = list.tasks.map((t) => ({ id: t.id, position: t.position, imageRowId: rowIds.get(t.imageId) }));
    tasks.sort((a, b) => a.position - b.position);
    const crowd = await h.nextTask(reader, CROWD.key);
    const boxes = crowdBoxes(CROWD.boxes, crowd.image.width, crowd.image.height);
    await h.saveDraft(reader, crowd.task, { globals: ['Other diseases'], boxes });
    return { web, reader, tasks, crowd: { taskId: crowd.task.id, imageRowId: crowd.image.id, boxes: boxes.length }, seedSeconds: (performance.now() - t0) / 1000 };
  } catch (error) {
    await web.close();
    throw error;
  }
}

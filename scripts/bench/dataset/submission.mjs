// The seeded detection submission of `npm run bench:dataset`: `perImage` detections on every test
// image of a release, as a Kaggle submission (image_id,PredictionString of "class conf x_min y_min
// x_max y_max" groups). Per ground-truth box of a challenge class, two detections jittered around it
// (by up to 5% or 40% of its size; one in ten with a wrong class); per No finding image, "14 conf 0 0
// 1 1"; the rest random boxes of random class ids 0-14 (class 14: 0 0 1 1) inside the image (size from
// image_sizes.csv). Confidences are random, a third of them to 2 decimals (ties). Groups are shuffled.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomGenerator } from '@cxrlab/dicom/testing';
import { parseCsv } from '../filter/util.mjs';
import { CLASS_IDS } from './config.mjs';

const NO_FINDING = 14;

/** Rows of a CSV file as objects keyed by its header. */
function records(path) {
  const [head, ...rows] = parseCsv(readFileSync(path, 'utf8')).filter((r) => r.length > 1);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** Writes the submission for `release` to `out`; returns { images, detections }. */
export function writeSubmission(release, out, { seed, perImage }) {
  const random = randomGenerator(seed);
  const uniform = (a, b) => a + (b - a) * random();
  const conf = (lo, hi) => { const c = uniform(lo, hi); return random() < 1 / 3 ? c.toFixed(2) : c.toFixed(6); };
  const sizes = new Map(records(join(release, 'image_sizes.csv')).map((r) => [r.image_id, [Number(r.width), Number(r.height)]]));
  const images = new Map();
  for (const r of records(join(release, 'annotations', 'annotations_test.csv'))) {
    if (!images.has(r.image_id)) images.set(r.image_id, []);
    const id = CLASS_IDS.indexOf(r.class_name);
    if (id >= 0) images.get(r.image_id).push({ id, box: r.x_min === '' ? undefined : [r.x_min, r.y_min, r.x_max, r.y_max].map(Number) });
  }
  const lines = ['image_id,PredictionString'];
  let detections = 0;
  for (const [imageId, gt] of images) {
    const [width, height] = sizes.get(imageId) ?? [2500, 2500];
    const groups = [];
    for (const { id, box } of gt) {
      if (id === NO_FINDING) { groups.push(`${NO_FINDING} ${conf(0.3, 1)} 0 0 1 1`); continue; }
      for (const amount of [0.05, 0.4]) {
        const [x1, y1, x2, y2] = box;
        const d = [x2 - x1, y2 - y1, x2 - x1, y2 - y1].map((s) => s * uniform(-amount, amount));
        const [a, b, c, e] = box.map((v, i) => v + d[i]);
        const cls = random() < 0.1 ? Math.floor(random() * 14) : id;
        groups.push(`${cls} ${conf(0.2, 1)} ${Math.min(a, c).toFixed(1)} ${Math.min(b, e).toFixed(1)} ${Math.max(a, c).toFixed(1)} ${Math.max(b, e).toFixed(1)}`);
      }
    }
    groups.length = Math.min(groups.length, perImage);
    while (groups.length < perImage) {
      const cls = Math.floor(random() * 15);
      if (cls === NO_FINDING) { groups.push(`${cls} ${conf(0, 0.6)} 0 0 1 1`); continue; }
      const w = uniform(30, Math.min(600, width)), h = uniform(30, Math.min(600, height));
      const x = uniform(0, width - w), y = uniform(0, height - h);
      groups.push(`${cls} ${conf(0, 0.6)} ${x.toFixed(1)} ${y.toFixed(1)} ${(x + w).toFixed(1)} ${(y + h).toFixed(1)}`);
    }
    for (let i = groups.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [groups[i], groups[j]] = [groups[j], groups[i]];
    }
    lines.push(`${imageId},${groups.join(' ')}`);
    detections += groups.length;
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  return { images: images.size, detections };
}

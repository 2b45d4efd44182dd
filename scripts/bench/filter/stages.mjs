// The per-image cost of each stage of `cxrlab filter --model`, on one thread inside one process (a
// child process of its own, after one warm-up image): where a chest image's time goes. Run as a
// script: node stages.mjs MODEL FILE... -> one JSON line of median milliseconds per stage.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const STAGES = ['read', 'decode', 'quality', 'preprocess', 'cnn'];

/** Runs this file as a child process; returns { stages: {name: ms}, images } or { problem }. */
export function measureStages(model, files) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), model, ...files], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { problem: `stages probe failed (exit ${r.status}): ${(r.stderr || '').trim().split('\n').slice(-2).join(' | ')}` };
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

async function main([model, ...files]) {
  const { PixelScratch, readImageFile } = await import('@cxrlab/dicom');
  const { decodeFrame, pixelSource } = await import('@cxrlab/imaging');
  const { OutlierClassifier, VINDR_MODEL_CONFIG, assessQuality, vindrTensor } = await import('@cxrlab/filter');
  const classifier = await OutlierClassifier.load(model, VINDR_MODEL_CONFIG, { threads: 1 });
  const scratch = new PixelScratch();
  const times = Object.fromEntries(STAGES.map((s) => [s, []]));
  for (const [k, path] of [files[0], ...files].entries()) {
    const t = [performance.now()];
    const file = readImageFile(path, scratch);
    t.push(performance.now());
    const frame = await decodeFrame(pixelSource(file));
    t.push(performance.now());
    assessQuality(frame);
    t.push(performance.now());
    const tensor = vindrTensor(frame, classifier.config);
    t.push(performance.now());
    await classifier.score(tensor);
    t.push(performance.now());
    if (k > 0) STAGES.forEach((s, i) => times[s].push(t[i + 1] - t[i]));
  }
  const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  console.log(JSON.stringify({ images: files.length, stages: Object.fromEntries(STAGES.map((s) => [s, median(times[s])])) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));

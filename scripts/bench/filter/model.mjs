// The ResNet-18-sized ONNX model of `npm run bench:filter`: torchvision's resnet18 graph with seeded
// random weights (@cxrlab/filter/testing), written once to bench-data/filter/resnet18.onnx and reused.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes the model to `path` unless it is there; returns { path, bytes, seconds? } (seconds when made). */
export async function ensureModel(path) {
  if (existsSync(path) && statSync(path).size > 40e6) return { path, bytes: statSync(path).size };
  const t0 = performance.now();
  const { resnet18Model } = await import('@cxrlab/filter/testing');
  const bytes = resnet18Model({ seed: 1 });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
  return { path, bytes: bytes.length, seconds: (performance.now() - t0) / 1000 };
}

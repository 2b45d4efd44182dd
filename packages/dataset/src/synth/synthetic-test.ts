// The synthetic test split: one consensus row per image (no reader id) and the consensus boxes.
import type { Annotation, ImageLabels } from '../model/annotations.js';
import type { LabelSchema } from '../schema/label-schema.js';
import type { Random } from './seeded-random.js';
import { drawFindings, type LabelPlan } from './label-plan.js';
import { labelRowMaker, type SyntheticImage } from './synthetic-image.js';
import { trueBoxes, truthRecord, type SplitResult } from './synthetic-train.js';

export function synthesizeTest(schema: LabelSchema, plan: LabelPlan, images: number, newImage: () => SyntheticImage, rng: Random): SplitResult {
  const newLabels = labelRowMaker(schema.labels.map((l) => l.name));
  const imageLabels: ImageLabels[] = [];
  const annotations: Annotation[] = [];
  const positive = new Int32Array(plan.findings.length);
  let noFindingPositive = 0;
  for (let n = 0; n < images; n++) {
    const image = newImage();
    const { imageId } = image;
    const found = drawFindings(plan, rng);
    const boxes = trueBoxes(plan, found, image, rng);
    const labels = newLabels();
    found.forEach((i, j) => {
      const className = plan.findings[i]!.name;
      labels[className] = 1;
      positive[i]!++;
      for (const box of boxes[j]!) annotations.push({ imageId, className, box });
    });
    if (found.length === 0 && plan.noFinding !== undefined) {
      labels[plan.noFinding] = 1;
      noFindingPositive++;
      annotations.push({ imageId, className: plan.noFinding });
    }
    imageLabels.push({ imageId, labels });
  }
  return { records: { imageLabels, annotations }, truth: truthRecord(schema, plan, positive, noFindingPositive) };
}

// The synthetic training split: each image read by several readers who miss true findings, add false
// ones and scatter their boxes; the truth is counted from their labels by majority vote.
import type { Annotation, Box, ImageLabels } from '../model/annotations.js';
import type { LabelSchema } from '../schema/label-schema.js';
import type { Random } from './seeded-random.js';
import { drawFindings, pickWeighted, type LabelPlan } from './label-plan.js';
import { GLOBAL_PENALTY, jitterBox, pickDistinct, secondBoxChance, trueBox, type ReaderProfile } from './reader-model.js';
import { labelRowMaker, type SyntheticImage } from './synthetic-image.js';

export interface SplitRecords {
  imageLabels: ImageLabels[];
  annotations: Annotation[];
}

export interface SplitResult {
  records: SplitRecords;
  /** Label name -> images positive (by majority vote for the training split, consensus for the test split). */
  truth: Record<string, number>;
}

/** The true boxes of the findings `found` (none for a global label). */
export function trueBoxes(plan: LabelPlan, found: readonly number[], image: SyntheticImage, rng: Random): Box[][] {
  return found.map((i) => {
    const label = plan.findings[i]!;
    if (label.kind !== 'local') return [];
    const boxes = [trueBox(label.name, image.width, image.height, rng)];
    if (rng.next() < secondBoxChance(label.name)) boxes.push(trueBox(label.name, image.width, image.height, rng));
    return boxes;
  });
}

export function synthesizeTrain(
  schema: LabelSchema, plan: LabelPlan, readers: readonly ReaderProfile[], perImage: number,
  images: number, newImage: () => SyntheticImage, rng: Random,
): SplitResult {
  const newLabels = labelRowMaker(schema.labels.map((l) => l.name));
  const { findings, noFinding } = plan;
  const imageLabels: ImageLabels[] = [];
  const annotations: Annotation[] = [];
  const votes = new Int32Array(findings.length);
  const positive = new Int32Array(findings.length);
  let noFindingPositive = 0;
  const scratch = readers.map((_, i) => i);
  for (let n = 0; n < images; n++) {
    const image = newImage();
    const { imageId } = image;
    const found = drawFindings(plan, rng);
    const boxes = trueBoxes(plan, found, image, rng);
    votes.fill(0);
    let noFindingVotes = 0;
    for (const r of pickDistinct(scratch, perImage, rng)) {
      const reader = readers[r]!;
      const radId = reader.radId;
      const labels = newLabels();
      let marks = 0;
      const mark = (i: number, readerBoxes: readonly Box[]): void => {
        const className = findings[i]!.name;
        labels[className] = 1;
        votes[i]!++;
        marks++;
        for (const box of readerBoxes) annotations.push({ imageId, radId, className, box });
      };
      found.forEach((i, j) => {
        const local = findings[i]!.kind === 'local';
        if (rng.next() < reader.sensitivity - (local ? 0 : GLOBAL_PENALTY)) mark(i, boxes[j]!.map((b) => jitterBox(b, image.width, image.height, rng)));
      });
      if (rng.next() < reader.falseFindingRate) {
        const i = pickWeighted(plan, rng);
        const label = findings[i]!;
        if (labels[label.name] === 0) mark(i, label.kind === 'local' ? [trueBox(label.name, image.width, image.height, rng)] : []);
      }
      if (marks === 0 && noFinding !== undefined) {
        labels[noFinding] = 1;
        noFindingVotes++;
        annotations.push({ imageId, radId, className: noFinding });
      }
      imageLabels.push({ imageId, radId, labels });
    }
    for (let i = 0; i < findings.length; i++) if (2 * votes[i]! > perImage) positive[i]!++;
    if (2 * noFindingVotes > perImage) noFindingPositive++;
  }
  return { records: { imageLabels, annotations }, truth: truthRecord(schema, plan, positive, noFindingPositive) };
}

/** Label name -> count, in schema order. */
export function truthRecord(schema: LabelSchema, plan: LabelPlan, positive: Int32Array, noFindingPositive: number): Record<string, number> {
  const truth: Record<string, number> = {};
  for (const label of schema.labels) {
    truth[label.name] = label.name === plan.noFinding ? noFindingPositive : positive[plan.findings.indexOf(label)]!;
  }
  return truth;
}

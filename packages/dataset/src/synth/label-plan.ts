// Turns target frequencies (images positive by majority vote or consensus) into the chances the
// generator draws true findings with, allowing for readers who miss findings or add false ones.
import type { LabelDefinition, LabelSchema } from '../schema/label-schema.js';
import type { Random } from './seeded-random.js';
import { FALSE_FINDING_RANGE, GLOBAL_PENALTY, SENSITIVITY_RANGE, majorityChance } from './reader-model.js';
import { targetFrequency } from './vindr-frequencies.js';

export interface LabelPlan {
  /** Every label but the no-finding one, in schema order. */
  findings: LabelDefinition[];
  noFinding: string | undefined;
  /** Chance that an image has at least one true finding. */
  abnormal: number;
  /** Per finding: chance it is present on an abnormal image. */
  chance: Float64Array;
  /** Cumulative target frequencies, to pick a label in proportion to how common it is. */
  cumulative: Float64Array;
}

const mean = (range: readonly [number, number]): number => (range[0] + range[1]) / 2;

/**
 * The plan for a split: with `readers` (train), the chances are raised so that the expected count
 * positive by majority vote meets the target; without (test, a consensus), they are the targets.
 */
export function planLabels(schema: LabelSchema, split: 'train' | 'test', readers?: number): LabelPlan {
  const findings = schema.labels.filter((l) => l.name !== schema.noFinding);
  const sLocal = mean(SENSITIVITY_RANGE);
  const sGlobal = sLocal - GLOBAL_PENALTY;
  const falseRate = mean(FALSE_FINDING_RANGE);
  // A consensus (test) is the truth as drawn; readers (train) each see a finding with chance p.
  const majority = (p: number): number => (readers === undefined ? 1 : majorityChance(p, readers));
  const sensitivity = (label: LabelDefinition): number => (label.kind === 'local' ? sLocal : sGlobal);
  const noFindingTarget = targetFrequency(schema.noFinding ?? '', split, true);
  const chance = new Float64Array(findings.length);
  const cumulative = new Float64Array(findings.length);
  let sum = 0;
  findings.forEach((label, i) => {
    sum += targetFrequency(label.name, split, false);
    cumulative[i] = sum;
  });
  // Normal images keep No finding unless most readers add a false finding; abnormal images lose it
  // when most readers miss every finding. Both depend on the chances, hence a few fixed-point rounds.
  const normalKeeps = majority(1 - falseRate);
  let abnormal = 1 - noFindingTarget;
  for (let round = 0; round < 8; round++) {
    let missAll = 1 - falseRate;
    findings.forEach((label, i) => {
      chance[i] = Math.min(0.95, targetFrequency(label.name, split, false) / (Math.max(abnormal, 1e-6) * majority(sensitivity(label))));
      missAll *= 1 - chance[i]! * sensitivity(label);
    });
    const abnormalLoses = readers === undefined ? 0 : majority(missAll);
    const normal = (noFindingTarget - abnormalLoses) / (normalKeeps - abnormalLoses);
    abnormal = Math.min(1, Math.max(1e-6, 1 - normal));
  }
  return { findings, noFinding: schema.noFinding, abnormal, chance, cumulative };
}

/** A finding index in proportion to the target frequencies. */
export function pickWeighted(plan: LabelPlan, rng: Random): number {
  const total = plan.cumulative[plan.cumulative.length - 1] ?? 0;
  const x = rng.next() * total;
  for (let i = 0; i < plan.cumulative.length; i++) if (x < plan.cumulative[i]!) return i;
  return plan.cumulative.length - 1;
}

/** The true findings of one image: indices into plan.findings (none for a normal image). */
export function drawFindings(plan: LabelPlan, rng: Random): number[] {
  if (plan.findings.length === 0 || rng.next() >= plan.abnormal) return [];
  const found: number[] = [];
  for (let i = 0; i < plan.chance.length; i++) if (rng.next() < plan.chance[i]!) found.push(i);
  if (found.length === 0) found.push(pickWeighted(plan, rng));
  return found;
}

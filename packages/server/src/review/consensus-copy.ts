// Copying from a reader's read into the consensus: one box (by its index in the read), or all of the
// read's boxes, and optionally its global labels. A box already in the consensus with the same label and
// coordinates is not copied twice; global labels are added once.
import type { ConsensusContent, ContentBox } from './consensus-content.js';

export interface CopyRequest {
  /** Copy only this box of the read (0-based); all boxes when undefined. */
  boxIndex?: number;
  /** Also copy the read's global labels. */
  globals?: boolean;
}

export type CopyResult = { ok: true; content: ConsensusContent; copied: { boxes: number; globals: number } } | { ok: false; field: string; message: string };

export function copyRead(consensus: ConsensusContent, read: ConsensusContent, request: CopyRequest): CopyResult {
  if (request.boxIndex !== undefined && request.boxIndex >= read.boxes.length) {
    return { ok: false, field: 'body.boxIndex', message: `the read has ${read.boxes.length} boxes; box index ${request.boxIndex} does not exist` };
  }
  const wanted = request.boxIndex !== undefined ? [read.boxes[request.boxIndex]!] : read.boxes;
  const boxes = [...consensus.boxes];
  let copiedBoxes = 0;
  for (const box of wanted) {
    if (boxes.some((b) => sameBox(b, box))) continue;
    boxes.push({ label: box.label, xMin: box.xMin, yMin: box.yMin, xMax: box.xMax, yMax: box.yMax });
    copiedBoxes++;
  }
  const globals = [...consensus.globals];
  let copiedGlobals = 0;
  if (request.globals === true) {
    for (const label of read.globals) {
      if (globals.includes(label)) continue;
      globals.push(label);
      copiedGlobals++;
    }
  }
  return { ok: true, content: { globals, boxes }, copied: { boxes: copiedBoxes, globals: copiedGlobals } };
}

const sameBox = (a: ContentBox, b: ContentBox): boolean => a.label === b.label && a.xMin === b.xMin && a.yMin === b.yMin && a.xMax === b.xMax && a.yMax === b.yMax;

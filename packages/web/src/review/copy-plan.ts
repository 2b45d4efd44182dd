// What a copy from a reader's read would add to the consensus, as the server counts it (a box with the
// same label and coordinates is not copied twice; global labels once). A copy that adds nothing is not
// sent: it would still make a new version and withdraw every approval.
import { sameBox, type Content } from './consensus-content.js';

export interface CopyPlan {
  boxes: number;
  globals: number;
}

export function copyPlan(consensus: Content, read: Content, request: { boxIndex?: number; globals?: boolean }): CopyPlan {
  const wanted = request.boxIndex !== undefined ? read.boxes.slice(request.boxIndex, request.boxIndex + 1) : read.boxes;
  const boxes = [...consensus.boxes];
  let nBoxes = 0;
  for (const box of wanted) {
    if (boxes.some((b) => sameBox(b, box))) continue;
    boxes.push(box);
    nBoxes++;
  }
  const globals = new Set(consensus.globals);
  const nGlobals = request.globals === true ? new Set(read.globals.filter((g) => !globals.has(g))).size : 0;
  return { boxes: nBoxes, globals: nGlobals };
}

/** "Nothing to copy: R2 has no box." / "... is already in the consensus." */
export function nothingToCopy(reader: string, read: Content, request: { boxIndex?: number; globals?: boolean }): string {
  if (request.boxIndex !== undefined) return `Nothing to copy: ${reader}'s box ${request.boxIndex + 1} is already in the consensus.`;
  if (read.boxes.length === 0 && (request.globals !== true || read.globals.length === 0)) return `Nothing to copy: ${reader} drew no box.`;
  return `Nothing to copy: ${request.globals === true ? `${reader}'s read is` : `${reader}'s boxes are`} already in the consensus.`;
}

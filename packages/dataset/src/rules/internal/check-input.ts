// The checks that always run before the rules: numbers no rule could compare (NaN, Infinity, not a
// number) in the boxes, and an image size that is not a positive finite number.
import { coordinateName } from './text.js';
import { BOX_COORDINATES, boxName, type ReadView } from './read-view.js';
import type { Emit } from './check.js';

const show = (value: unknown): string => (typeof value === 'number' ? String(value) : value === undefined ? 'missing' : JSON.stringify(value) ?? String(value));

export function checkInput(view: ReadView, emit: Emit): void {
  for (const key of ['width', 'height'] as const) {
    const value: unknown = view.image[key];
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      emit('IMAGE_SIZE_INVALID', `image.${key}`, `The image ${key} (${show(value)}) is not a positive finite number of pixels.`);
    }
  }
  view.read.boxes.forEach((box, i) => {
    if (view.boxFinite[i]) return;
    for (const key of BOX_COORDINATES) {
      const value: unknown = box[key];
      if (typeof value === 'number' && Number.isFinite(value)) continue;
      emit('BOX_COORDINATE_NOT_FINITE', `boxes[${i}].${key}`, `${boxName(view, i)} has ${coordinateName(key)} ${show(value)}, not a finite number.`);
    }
  });
}

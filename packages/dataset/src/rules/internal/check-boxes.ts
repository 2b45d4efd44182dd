// The checks of each box: one local label, inside the image, positive area. Boxes whose
// coordinates are not finite are left to checkInput, which always reports them.
import { findLabel } from '../../schema/label-schema.js';
import type { BoxInsideImageRule, BoxLabelIsLocalRule, BoxPositiveAreaRule } from '../rule.js';
import { coordinateName, count } from './text.js';
import { BOX_COORDINATES, boxName, type ReadView } from './read-view.js';
import type { Check, Emit } from './check.js';

export const checkBoxLabelIsLocal: Check<BoxLabelIsLocalRule> = (_rule, view, emit) => {
  view.read.boxes.forEach((box, i) => {
    const path = `boxes[${i}].label`;
    const raw: unknown = box.label;
    if (Array.isArray(raw) && raw.length > 1) {
      return emit('BOX_LABEL_NOT_SINGLE', path, `Box ${i + 1} has ${raw.length} labels (${raw.map(String).join(', ')}); a box has exactly one.`);
    }
    const label = view.boxLabels[i];
    if (label === undefined) return emit('BOX_LABEL_MISSING', path, `Box ${i + 1} has no label.`);
    const definition = findLabel(view.schema, label);
    if (definition === undefined) return emit('BOX_LABEL_UNKNOWN', path, `Box ${i + 1} has the label "${label}", which is not a label of the ${view.schema.name} schema.`);
    if (definition.kind !== 'local') emit('BOX_LABEL_NOT_LOCAL', path, `${boxName(view, i)} has a global label; boxes take local labels only.`);
  });
};

export const checkBoxInsideImage: Check<BoxInsideImageRule> = (rule, view, emit) => {
  if (!view.imageValid) return;
  const tolerance = rule.tolerance ?? 0;
  const { width, height } = view.image;
  view.read.boxes.forEach((box, i) => {
    if (!view.boxFinite[i]) return;
    for (const key of BOX_COORDINATES) {
      const limit = key.startsWith('x') ? width : height;
      const value = box[key];
      if (value >= -tolerance && value <= limit + tolerance) continue;
      emit('BOX_OUTSIDE_IMAGE', `boxes[${i}].${key}`, `${boxName(view, i)} extends outside the ${width}x${height} image (${coordinateName(key)} ${value}).`);
    }
  });
};

function checkSide(view: ReadView, i: number, axis: 'x' | 'y', minSide: number | undefined, emit: Emit): void {
  const box = view.read.boxes[i];
  if (box === undefined) return;
  const [lo, hi] = axis === 'x' ? [box.xMin, box.xMax] : [box.yMin, box.yMax];
  const [side, extent] = axis === 'x' ? ['width', 'wide'] : ['height', 'high'];
  const span = `(${axis}_min ${lo}, ${axis}_max ${hi})`;
  const path = `boxes[${i}]`;
  const size = hi - lo;
  if (size === 0) emit('BOX_EMPTY', path, `${boxName(view, i)} has zero ${side} ${span}.`);
  else if (size < 0) emit('BOX_INVERTED', path, `${boxName(view, i)} has negative ${side} ${span}.`);
  else if (minSide !== undefined && size < minSide) {
    emit('BOX_TOO_SMALL', path, `${boxName(view, i)} is ${count(size, 'pixel', 'pixels')} ${extent}, less than the minimum of ${minSide}.`);
  }
}

export const checkBoxPositiveArea: Check<BoxPositiveAreaRule> = (rule, view, emit) => {
  view.read.boxes.forEach((_box, i) => {
    if (!view.boxFinite[i]) return;
    checkSide(view, i, 'x', rule.minSide, emit);
    checkSide(view, i, 'y', rule.minSide, emit);
  });
};

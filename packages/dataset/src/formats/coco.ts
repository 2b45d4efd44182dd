// COCO detection JSON to and from annotations: bbox [x, y, w, h] from the box corners, categories for the local labels.
import type { Annotation, ImageSizes } from '../model/annotations.js';
import { classIdOf, findLabel, localLabels, type LabelSchema } from '../schema/label-schema.js';

export interface CocoImage { id: number; file_name: string; width: number; height: number }
export interface CocoCategory { id: number; name: string }
export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  /** [x_min, y_min, width, height] in pixels. */
  bbox: [number, number, number, number];
  area: number;
  iscrowd: 0;
  score?: number;
  /** The reader, kept so that a round trip loses nothing (an extra field; COCO tools ignore it). */
  rad_id?: string;
}
export interface CocoDataset { images: CocoImage[]; annotations: CocoAnnotation[]; categories: CocoCategory[] }

export interface ToCocoOptions {
  /** The file name of an image; default `${imageId}.png`. */
  fileName?: (imageId: string) => string;
}

/**
 * The schema's local labels as COCO categories: the schema's class id where the label has one,
 * else ids after the last class id, in schema order; sorted by id.
 */
export function cocoCategories(schema: LabelSchema): CocoCategory[] {
  let next = schema.classIds.length;
  return localLabels(schema)
    .map((label) => ({ id: classIdOf(schema, label.name) ?? next++, name: label.name }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Annotations as a COCO data set. Every image the annotations name is listed (No finding images
 * too), ids 1.. in order of first appearance; only annotations with a box become COCO annotations.
 * Throws for an image without a size, or a box on a label that is not a local label of the schema.
 */
export function toCoco(annotations: Iterable<Annotation>, sizes: ImageSizes, schema: LabelSchema, options: ToCocoOptions = {}): CocoDataset {
  const fileName = options.fileName ?? ((id: string) => `${id}.png`);
  const categories = cocoCategories(schema);
  const categoryOf = new Map(categories.map((c) => [c.name, c.id]));
  const imageIds = new Map<string, number>();
  const coco: CocoDataset = { images: [], annotations: [], categories };
  for (const a of annotations) {
    let imageId = imageIds.get(a.imageId);
    if (imageId === undefined) {
      const size = sizes.get(a.imageId);
      if (size === undefined) throw new Error(`toCoco: no size for image ${a.imageId}`);
      imageId = imageIds.size + 1;
      imageIds.set(a.imageId, imageId);
      coco.images.push({ id: imageId, file_name: fileName(a.imageId), width: size.width, height: size.height });
    }
    if (a.box === undefined) continue;
    const category = categoryOf.get(findLabel(schema, a.className)?.name ?? '');
    if (category === undefined) throw new Error(`toCoco: "${a.className}" (image ${a.imageId}) has a box but is not a local label of the ${schema.name} schema`);
    const { xMin, yMin, xMax, yMax } = a.box;
    const w = xMax - xMin;
    const h = yMax - yMin;
    const out: CocoAnnotation = { id: coco.annotations.length + 1, image_id: imageId, category_id: category, bbox: [xMin, yMin, w, h], area: w * h, iscrowd: 0 };
    if (a.score !== undefined) out.score = a.score;
    if (a.radId !== undefined) out.rad_id = a.radId;
    coco.annotations.push(out);
  }
  return coco;
}

/** The image id of a COCO file name: the name without folders and extension. */
export const imageIdOfFileName = (fileName: string): string => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');

/** The sizes of a COCO data set's images, by image id (file name without extension). */
export function cocoImageSizes(coco: CocoDataset): ImageSizes {
  return new Map(coco.images.map((image) => [imageIdOfFileName(image.file_name), { width: image.width, height: image.height }]));
}

/**
 * A COCO data set's boxes as annotations (bbox to corners), in the order of its annotations;
 * category names must be labels of the schema. Images without annotations give nothing.
 */
export function fromCoco(coco: CocoDataset, schema: LabelSchema): Annotation[] {
  const images = new Map(coco.images.map((image) => [image.id, imageIdOfFileName(image.file_name)]));
  const names = new Map(coco.categories.map((c) => {
    const label = findLabel(schema, c.name);
    if (label === undefined) throw new Error(`fromCoco: category ${c.id} "${c.name}" is not a label of the ${schema.name} schema`);
    return [c.id, label.name];
  }));
  return coco.annotations.map((a, i) => {
    const imageId = images.get(a.image_id);
    const className = names.get(a.category_id);
    if (imageId === undefined) throw new Error(`fromCoco: annotations[${i}]: no image with id ${a.image_id}`);
    if (className === undefined) throw new Error(`fromCoco: annotations[${i}]: no category with id ${a.category_id}`);
    const [x, y, w, h] = a.bbox;
    if (!(w >= 0 && h >= 0)) throw new Error(`fromCoco: annotations[${i}]: bbox ${JSON.stringify(a.bbox)} has a negative size`);
    const out: Annotation = { imageId, className, box: { xMin: x, yMin: y, xMax: x + w, yMax: y + h } };
    if (a.rad_id !== undefined) out.radId = a.rad_id;
    if (a.score !== undefined) out.score = a.score;
    return out;
  });
}

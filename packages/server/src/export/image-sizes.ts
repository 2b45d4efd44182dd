// The finished images' sizes: image_sizes.csv beside every format, and the COCO and YOLO writers' input.
import { writeImageSizesCsv, type ImageSizes } from '@cxrlab/dataset';
import type { ExportImage } from './export-data.js';
import type { ExportFile } from './export-file.js';

export const imageSizes = (images: readonly ExportImage[]): ImageSizes => new Map(images.map((i) => [i.imageId, { width: i.width, height: i.height }]));

export const imageSizesFile = (images: readonly ExportImage[]): ExportFile => ({ name: 'image_sizes.csv', content: writeImageSizesCsv(imageSizes(images)) });

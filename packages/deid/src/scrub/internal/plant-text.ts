// Test helper: burns labels where modalities put them, in a value that stands out from what lies beneath.
import type { PixelArray } from '@cxrlab/imaging';
import { burnText, burnedTextSize } from '../../internal/burn-text.js';
import type { PixelBox } from '../pixel-box.js';

export interface Label {
  text: string;
  scale: number;
  /** Top-left corner; negative values count from the right / bottom edge (-1: flush with it). */
  x: number;
  y: number;
}

export interface PlantedLabel extends Label {
  box: PixelBox;
  value: number;
}

/**
 * Burns each label in the lowest or highest stored value, whichever differs more from the mean
 * of the pixels it covers: consoles choose a legible colour too. Returns what went where.
 */
export function plantLabels(pixels: PixelArray, rows: number, columns: number, labels: readonly Label[], low: number, high: number): PlantedLabel[] {
  return labels.map((label) => {
    const { width, height } = burnedTextSize(label.text, label.scale);
    const x = label.x < 0 ? columns - width + label.x + 1 : label.x;
    const y = label.y < 0 ? rows - height + label.y + 1 : label.y;
    let sum = 0;
    for (let r = y; r < y + height; r++) for (let c = x; c < x + width; c++) sum += pixels[r * columns + c]!;
    const mean = sum / (width * height);
    const value = mean - low > high - mean ? low : high;
    return { ...label, value, box: burnText(pixels, columns, label.text, { x, y, scale: label.scale, value }) };
  });
}

/** Labels of a chest radiograph: name and id, date, a marker, a position note, a big site label, and one in the lung. */
export const CHEST_LABELS: readonly Label[] = [
  { text: 'DOE^JOHN 12345678', scale: 3, x: 40, y: 24 },
  { text: '2019/03/14', scale: 2, x: -90, y: -20 },
  { text: 'R', scale: 8, x: -100, y: 90 },
  { text: 'AP PORTABLE', scale: 4, x: 6, y: 1300 },
  { text: 'ID 998877', scale: 1, x: 900, y: -8 },
  { text: 'HOSPITAL', scale: 10, x: 700, y: 150 },
  { text: 'CHECK 3', scale: 2, x: 1500, y: 1100 },
];

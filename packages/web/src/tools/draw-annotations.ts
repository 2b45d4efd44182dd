// Draws boxes on the annotation canvas (a pure function of boxes and view): one path per colour, boxes
// off screen skipped, label tags only on boxes big enough on screen, the selection with its 8 handles,
// the box being drawn dashed. Coordinates: toScreen maps image px to the canvas's CSS px (the caller's
// transform handles the device pixel ratio).
import type { ToScreen } from '../viewer/types.js';
import { handlePoint } from './box-geometry.js';
import type { Handle, Rect } from './editor-types.js';
import { labelColor } from './label-colors.js';

export interface DrawBox extends Rect {
  label: string;
  key?: string;
}

export interface DrawOptions {
  /** A label's colour (default: labelColor by the label's name hash; pass labelColors(schemaLabels)). */
  colorOf?: (label: string) => string;
  /** One colour for every box (the review view's reader colour); overrides colorOf. */
  color?: string;
  /** Line dash in screen px (e.g. [6, 4]); solid by default. */
  dash?: readonly number[];
  /** Opacity of the boxes and tags (default 1). */
  alpha?: number;
  /** Line width in screen px (default 1.5). */
  lineWidth?: number;
  /** The selected box's key: drawn thicker, with its handles. */
  selectedKey?: string | null;
  /** The hovered box's key: drawn thicker. */
  hoverKey?: string | null;
  /** The box being drawn or waiting for its label: dashed. */
  pending?: Rect | null;
  pendingColor?: string;
  /** Label tags (default true); `tagText` changes their text (e.g. "R1 Nodule/Mass"). */
  showText?: boolean;
  tagText?: (box: DrawBox) => string;
  /** Tags are drawn on boxes at least this big on screen (default 28 x 14 px). */
  minTagBox?: { width: number; height: number };
  /** At most this many tags (default 100): past it, only the biggest boxes on screen get one. */
  maxTags?: number;
  /** A dark outline under the lines, so that they stay visible over bright bone (default true). */
  halo?: boolean;
  /** Stroke the boxes (default true); false draws only their tags (the viewer strokes them in WebGL). */
  outlines?: boolean;
  /**
   * Where tags go: above the box's top left corner (inside when no room) or below its bottom left corner.
   * Default: below for dashed boxes (the review view's readers), above otherwise, so that a consensus box
   * copied exactly onto a reader's box does not cover the reader's tag with its own.
   */
  tagPlacement?: 'above' | 'below';
  /** The visible area in CSS px, for culling (default: the canvas's size, which is at least that). */
  bounds?: { width: number; height: number };
}

export const HANDLE_SIZE = 7;
export const TAG_FONT = '11px system-ui, sans-serif';
const TAG_HEIGHT = 14;
const HALO = 'rgba(0, 0, 0, 0.55)';
const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

const widthCache = new Map<string, number>();
function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let w = widthCache.get(text);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    if (widthCache.size > 2000) widthCache.clear();
    widthCache.set(text, w);
  }
  return w;
}

/** Draws `boxes`; `scale` is screen px per image px (unused by the boxes, which go through toScreen). */
export function drawAnnotations(ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number, boxes: readonly DrawBox[], options: DrawOptions = {}): void {
  void scale;
  const colorOf = options.color !== undefined ? () => options.color! : (options.colorOf ?? ((l: string) => labelColor(l)));
  const lineWidth = options.lineWidth ?? 1.5;
  const bw = options.bounds?.width ?? ctx.canvas.width;
  const bh = options.bounds?.height ?? ctx.canvas.height;
  const minTag = options.minTagBox ?? { width: 28, height: 14 };
  const showText = options.showText ?? true;
  const maxTags = options.maxTags ?? 100;

  // Screen rectangles of the visible boxes, grouped by colour.
  const groups = new Map<string, number[]>();
  const sx = new Float64Array(boxes.length * 4);
  let selected = -1;
  let hovered = -1;
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i]!;
    const [x0, y0] = toScreen(b.xMin, b.yMin);
    const [x1, y1] = toScreen(b.xMax, b.yMax);
    if (x1 < -HANDLE_SIZE || y1 < -HANDLE_SIZE || x0 > bw + HANDLE_SIZE || y0 > bh + HANDLE_SIZE) continue;
    sx[i * 4] = x0; sx[i * 4 + 1] = y0; sx[i * 4 + 2] = x1; sx[i * 4 + 3] = y1;
    if (b.key !== undefined && b.key === options.selectedKey) { selected = i; continue; }
    if (b.key !== undefined && b.key === options.hoverKey) hovered = i;
    const c = colorOf(b.label);
    let g = groups.get(c);
    if (!g) groups.set(c, (g = []));
    g.push(i);
  }

  const outlines = options.outlines ?? true;
  ctx.save();
  ctx.globalAlpha = options.alpha ?? 1;
  ctx.setLineDash(options.dash ? [...options.dash] : []);
  if (outlines && (options.halo ?? true)) {
    // One path for every visible box, under the coloured ones.
    ctx.lineWidth = lineWidth + 2;
    ctx.strokeStyle = HALO;
    ctx.beginPath();
    for (const idx of groups.values()) {
      for (const i of idx) ctx.rect(sx[i * 4]!, sx[i * 4 + 1]!, sx[i * 4 + 2]! - sx[i * 4]!, sx[i * 4 + 3]! - sx[i * 4 + 1]!);
    }
    if (selected >= 0) ctx.rect(sx[selected * 4]!, sx[selected * 4 + 1]!, sx[selected * 4 + 2]! - sx[selected * 4]!, sx[selected * 4 + 3]! - sx[selected * 4 + 1]!);
    ctx.stroke();
  }
  ctx.lineWidth = lineWidth;
  if (outlines) for (const [color, idx] of groups) {
    ctx.strokeStyle = color;
    ctx.beginPath();
    for (const i of idx) ctx.rect(sx[i * 4]!, sx[i * 4 + 1]!, sx[i * 4 + 2]! - sx[i * 4]!, sx[i * 4 + 3]! - sx[i * 4 + 1]!);
    ctx.stroke();
  }
  if (hovered >= 0) strokeOne(ctx, sx, hovered, colorOf(boxes[hovered]!.label), lineWidth + 1);

  if (showText) {
    ctx.setLineDash([]);
    ctx.font = TAG_FONT;
    ctx.textBaseline = 'middle';
    // Boxes big enough for a tag; past maxTags, the biggest on screen (the selected one always).
    const area = (i: number) => (sx[i * 4 + 2]! - sx[i * 4]!) * (sx[i * 4 + 3]! - sx[i * 4 + 1]!);
    let candidates: { i: number; color: string }[] = [];
    const consider = (i: number, color: string): void => {
      if (sx[i * 4 + 2]! - sx[i * 4]! >= minTag.width && sx[i * 4 + 3]! - sx[i * 4 + 1]! >= minTag.height) candidates.push({ i, color });
    };
    for (const [color, idx] of groups) for (const i of idx) consider(i, color);
    if (candidates.length > maxTags) candidates = candidates.sort((a, b) => area(b.i) - area(a.i)).slice(0, maxTags);
    if (selected >= 0) consider(selected, colorOf(boxes[selected]!.label));
    const tags: { text: string; x: number; y: number; w: number }[] = [];
    const tagGroups = new Map<string, number[]>();
    const below = (options.tagPlacement ?? (options.dash ? 'below' : 'above')) === 'below';
    for (const { i, color } of candidates) {
      const b = boxes[i]!;
      const text = options.tagText ? options.tagText(b) : b.label;
      let g = tagGroups.get(color);
      if (!g) tagGroups.set(color, (g = []));
      g.push(tags.length);
      tags.push({ text, x: sx[i * 4]! - lineWidth / 2, y: tagTop(sx[i * 4 + 1]!, sx[i * 4 + 3]!, below, bh), w: textWidth(ctx, text) + 6 });
    }
    for (const [color, idx] of tagGroups) {
      ctx.fillStyle = color;
      ctx.beginPath();
      for (const t of idx) ctx.rect(tags[t]!.x, tags[t]!.y, tags[t]!.w, TAG_HEIGHT);
      ctx.fill();
    }
    ctx.fillStyle = '#0b0d10';
    for (const t of tags) ctx.fillText(t.text, t.x + 3, t.y + TAG_HEIGHT / 2 + 0.5);
  }

  if (selected >= 0) {
    const color = colorOf(boxes[selected]!.label);
    strokeOne(ctx, sx, selected, color, lineWidth + 1.5);
    ctx.setLineDash([]);
    drawHandles(ctx, toScreen, boxes[selected]!, color);
  }

  if (options.pending) {
    const p = options.pending;
    const [x0, y0] = toScreen(p.xMin, p.yMin);
    const [x1, y1] = toScreen(p.xMax, p.yMax);
    ctx.globalAlpha = 1;
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = lineWidth + 0.5;
    ctx.strokeStyle = options.pendingColor ?? '#f8f9fa';
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
  }
  ctx.restore();
}

/** A tag's top edge for a box from y0 to y1 on screen: outside the box when there is room, else inside. */
export function tagTop(y0: number, y1: number, below: boolean, height: number): number {
  if (below) return y1 + TAG_HEIGHT <= height ? y1 : y1 - TAG_HEIGHT;
  return y0 - TAG_HEIGHT >= 0 ? y0 - TAG_HEIGHT : y0;
}

function strokeOne(ctx: CanvasRenderingContext2D, sx: Float64Array, i: number, color: string, width: number) {
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.strokeRect(sx[i * 4]!, sx[i * 4 + 1]!, sx[i * 4 + 2]! - sx[i * 4]!, sx[i * 4 + 3]! - sx[i * 4 + 1]!);
}

function drawHandles(ctx: CanvasRenderingContext2D, toScreen: ToScreen, box: Rect, color: string) {
  const h = HANDLE_SIZE;
  ctx.beginPath();
  for (const handle of HANDLES) {
    const [ix, iy] = handlePoint(box, handle);
    const [x, y] = toScreen(ix, iy);
    ctx.rect(x - h / 2, y - h / 2, h, h);
  }
  ctx.fillStyle = '#0b0d10';
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = color;
  ctx.stroke();
}

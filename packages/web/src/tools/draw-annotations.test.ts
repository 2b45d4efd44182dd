import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawAnnotations, type DrawBox } from './draw-annotations.js';
import { drawEditor } from './draw-editor.js';
import { testEditor } from './test-editor.js';

/** A recording 2D context: the calls and the state they ran with. */
function recorder(width = 1000, height = 800) {
  const calls: { op: string; args: number[] | string[]; stroke: string; fill: string; dash: number[]; alpha: number }[] = [];
  const state = { strokeStyle: '', fillStyle: '', lineDash: [] as number[], globalAlpha: 1 };
  const stack: (typeof state)[] = [];
  const rec = (op: string) => (...args: (number | string)[]) => {
    calls.push({ op, args: args as number[], stroke: state.strokeStyle, fill: state.fillStyle, dash: state.lineDash, alpha: state.globalAlpha });
  };
  const ctx = {
    canvas: { width, height },
    get strokeStyle() { return state.strokeStyle; }, set strokeStyle(v: string) { state.strokeStyle = v; },
    get fillStyle() { return state.fillStyle; }, set fillStyle(v: string) { state.fillStyle = v; },
    get globalAlpha() { return state.globalAlpha; }, set globalAlpha(v: number) { state.globalAlpha = v; },
    lineWidth: 1, font: '', textBaseline: '',
    setLineDash(d: number[]) { state.lineDash = [...d]; },
    save() { stack.push({ ...state }); },
    restore() { Object.assign(state, stack.pop()); },
    beginPath: rec('beginPath'), rect: rec('rect'), stroke: rec('stroke'), fill: rec('fill'), strokeRect: rec('strokeRect'), fillText: rec('fillText'),
    measureText: (t: string) => ({ width: t.length * 6 }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const identity = (x: number, y: number): [number, number] => [x, y];
const LABELS = ['A', 'B', 'C'];
const COLORS: Record<string, string> = { A: '#ff0000', B: '#00ff00', C: '#0000ff' };

function grid(n: number): DrawBox[] {
  const out: DrawBox[] = [];
  for (let i = 0; i < n; i++) out.push({ key: `k${i}`, label: LABELS[i % 3]!, xMin: (i % 25) * 40, yMin: Math.floor(i / 25) * 40, xMax: (i % 25) * 40 + 30, yMax: Math.floor(i / 25) * 40 + 30 });
  return out;
}

describe('drawAnnotations', () => {
  it('500 boxes: one stroked path per colour, one rect per visible box', () => {
    const { ctx, calls } = recorder(1000, 800);
    drawAnnotations(ctx, identity, 1, grid(500), { colorOf: (l) => COLORS[l]!, showText: false });
    const strokes = calls.filter((c) => c.op === 'stroke');
    assert.equal(strokes.length, 4, 'the dark halo, then 3 colours');
    assert.deepEqual(strokes.slice(1).map((s) => s.stroke).sort(), ['#0000ff', '#00ff00', '#ff0000']);
    // The grid is 25 x 20 cells of 40 px: rows 0..19 reach y = 790, all on an 800 px canvas.
    assert.equal(calls.filter((c) => c.op === 'rect').length, 2 * 500);
    const { ctx: c2, calls: calls2 } = recorder(1000, 800);
    drawAnnotations(c2, identity, 1, grid(500), { colorOf: (l) => COLORS[l]!, showText: false, halo: false });
    assert.equal(calls2.filter((c) => c.op === 'stroke').length, 3);
    assert.equal(calls2.filter((c) => c.op === 'rect').length, 500);
  });

  it('boxes off screen are culled', () => {
    const { ctx, calls } = recorder(400, 300);
    drawAnnotations(ctx, identity, 1, grid(500), { colorOf: (l) => COLORS[l]!, showText: false, halo: false });
    // Visible: boxes starting before x = 407 and y = 307: columns 0..10, rows 0..7.
    assert.equal(calls.filter((c) => c.op === 'rect').length, 11 * 8);
  });

  it('the selected box is drawn thicker with 8 handles; a reader colour overrides labels, dashed and translucent', () => {
    const { ctx, calls } = recorder();
    drawAnnotations(ctx, identity, 1, grid(6), { color: '#abcdef', dash: [4, 3], alpha: 0.6, selectedKey: 'k2', showText: false, halo: false });
    const strokes = calls.filter((c) => c.op === 'stroke' || c.op === 'strokeRect');
    assert.ok(strokes.every((s) => s.stroke === '#abcdef'));
    const main = calls.find((c) => c.op === 'stroke')!;
    assert.deepEqual(main.dash, [4, 3]);
    assert.equal(main.alpha, 0.6);
    const sel = calls.find((c) => c.op === 'strokeRect')!;
    assert.deepEqual(sel.args, [80, 0, 30, 30]);
    const afterSel = calls.slice(calls.indexOf(sel) + 1);
    assert.equal(afterSel.filter((c) => c.op === 'rect').length, 8, 'handles');
    assert.equal(calls.filter((c) => c.op === 'rect').length, 5 + 8, 'the selected box is not in the batch');
  });

  it('label tags only on boxes big enough on screen', () => {
    const { ctx, calls } = recorder();
    const boxes: DrawBox[] = [
      { label: 'Big', xMin: 100, yMin: 100, xMax: 200, yMax: 200 },
      { label: 'Tiny', xMin: 30, yMin: 30, xMax: 40, yMax: 40 },
    ];
    drawAnnotations(ctx, identity, 1, boxes);
    assert.deepEqual(calls.filter((c) => c.op === 'fillText').map((c) => c.args[0]), ['Big']);
    const { ctx: c2, calls: calls2 } = recorder();
    drawAnnotations(c2, (x, y) => [x * 4, y * 4], 4, boxes, { tagText: (b) => `R1 ${b.label}` });
    assert.deepEqual(calls2.filter((c) => c.op === 'fillText').map((c) => c.args[0]), ['R1 Big', 'R1 Tiny'], 'zoomed in, the tiny box is big enough');
  });

  it('past maxTags, only the biggest boxes get a tag (and the selected one)', () => {
    const boxes: DrawBox[] = [];
    for (let i = 0; i < 10; i++) boxes.push({ key: `k${i}`, label: `L${i}`, xMin: i * 90, yMin: 100, xMax: i * 90 + 40 + i * 4, yMax: 200 });
    const { ctx, calls } = recorder();
    drawAnnotations(ctx, identity, 1, boxes, { maxTags: 3, selectedKey: 'k0' });
    assert.deepEqual(calls.filter((c) => c.op === 'fillText').map((c) => c.args[0]).sort(), ['L0', 'L7', 'L8', 'L9']);
  });

  it('the pending box is dashed', () => {
    const { ctx, calls } = recorder();
    drawAnnotations(ctx, identity, 1, [], { pending: { xMin: 10, yMin: 20, xMax: 50, yMax: 60 } });
    const p = calls.find((c) => c.op === 'strokeRect')!;
    assert.deepEqual(p.args, [10, 20, 40, 40]);
    assert.deepEqual(p.dash, [6, 4]);
  });
});

describe('drawEditor', () => {
  it('draws the live position during a move, and nothing but the pending box while hidden', () => {
    const ed = testEditor().drawBox(100, 100, 200, 200).pointerDown(150, 150).pointerMove(250, 150);
    const { ctx, calls } = recorder();
    drawEditor(ctx, identity, 1, ed.state, { showText: false, halo: false });
    assert.deepEqual(calls.find((c) => c.op === 'strokeRect')!.args, [200, 100, 100, 100]);
    ed.pointerUp().toggleHidden().pointerDown(10, 10).pointerMove(60, 60);
    const r = recorder();
    drawEditor(r.ctx, identity, 1, ed.state);
    assert.equal(r.calls.filter((c) => c.op === 'rect').length, 0);
    assert.deepEqual(r.calls.filter((c) => c.op === 'strokeRect').map((c) => c.args), [[10, 10, 50, 50]]);
  });
});

describe('drawAnnotations layers and tag placement', () => {
  it('outlines: false draws the tags only', () => {
    const { ctx, calls } = recorder();
    drawAnnotations(ctx, identity, 1, grid(3), { outlines: false });
    assert.equal(calls.filter((c) => c.op === 'stroke' || c.op === 'strokeRect').length, 0);
    assert.equal(calls.filter((c) => c.op === 'fillText').length, 3);
  });

  it('puts dashed boxes\' tags below the box, so a solid box on the same rectangle does not cover them', () => {
    const b: DrawBox = { key: 'k', label: 'Cardiomegaly', xMin: 100, yMin: 200, xMax: 400, yMax: 300 };
    const solid = recorder();
    drawAnnotations(solid.ctx, identity, 1, [b]);
    const dashed = recorder();
    drawAnnotations(dashed.ctx, identity, 1, [b], { dash: [7, 4] });
    const textY = (calls: typeof solid.calls) => Number(calls.find((c) => c.op === 'fillText')!.args[2]);
    assert.ok(textY(solid.calls) < 200, 'above the top edge');
    assert.ok(textY(dashed.calls) > 300, 'below the bottom edge');
    const above = recorder();
    drawAnnotations(above.ctx, identity, 1, [b], { dash: [7, 4], tagPlacement: 'above' });
    assert.equal(textY(above.calls), textY(solid.calls));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorFor, hoverAt } from './box-tool/index.js';
import type { Handle } from './editor-types.js';
import { liveBoxes, pendingRect } from './selectors.js';
import { testEditor } from './test-editor.js';

describe('box tool: drawing and labelling', () => {
  it('a drag draws a pending box, chooseLabel adds it as one undo step and selects it', () => {
    const ed = testEditor(1000, 800);
    ed.pointerDown(100, 100).expectPath('box.drawing');
    assert.equal(cursorFor(ed.state), 'crosshair');
    ed.pointerMove(200, 180).expectPath('box.drawing');
    assert.deepEqual(pendingRect(ed.state), { xMin: 100, yMin: 100, xMax: 200, yMax: 180 });
    ed.pointerUp().expectPath('box.labelling');
    assert.equal(ed.boxes.length, 0);
    assert.equal(ed.state.revision, 0);
    assert.deepEqual(pendingRect(ed.state), { xMin: 100, yMin: 100, xMax: 200, yMax: 180 });
    ed.chooseLabel('Nodule/Mass').expectPath('box.idle');
    assert.equal(ed.boxes.length, 1);
    assert.equal(ed.boxes[0]!.label, 'Nodule/Mass');
    assert.deepEqual(ed.rect(), [100, 100, 200, 180]);
    assert.equal(ed.selected, ed.boxes[0]!.key);
    assert.equal(ed.state.revision, 1);
    assert.equal(ed.state.past.length, 1);
    assert.equal(pendingRect(ed.state), null);
    ed.undo();
    assert.equal(ed.boxes.length, 0);
    assert.equal(ed.selected, null);
    ed.redo();
    assert.deepEqual(ed.rect(), [100, 100, 200, 180]);
  });

  it('a box drawn up and left is stored with xMin < xMax and yMin < yMax', () => {
    const ed = testEditor().drawBox(300, 250, 120, 90);
    assert.deepEqual(ed.rect(), [120, 90, 300, 250]);
  });

  it('keys are unique and boxes keep their drawing order', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50, 'A').drawBox(60, 60, 90, 90, 'B').drawBox(100, 100, 150, 150, 'C');
    assert.deepEqual(ed.boxes.map((b) => b.label), ['A', 'B', 'C']);
    assert.equal(new Set(ed.boxes.map((b) => b.key)).size, 3);
  });

  it('cancel (Escape) drops the pending box; a new press drops it too and starts a new box', () => {
    const ed = testEditor().drag(100, 100, 200, 200).expectPath('box.labelling');
    ed.cancel().expectPath('box.idle');
    assert.equal(ed.boxes.length, 0);
    assert.equal(ed.state.revision, 0);
    ed.drag(100, 100, 200, 200).expectPath('box.labelling');
    ed.pointerDown(400, 400).expectPath('box.drawing');
    ed.pointerMove(450, 460).pointerUp().expectPath('box.labelling').chooseLabel('X');
    assert.deepEqual(ed.boxes.map((b) => ed.rect(b.key)), [[400, 400, 450, 460]]);
  });

  it('a pointer cancel or Escape while drawing drops the drawing', () => {
    const ed = testEditor().pointerDown(100, 100).pointerMove(200, 200).pointerCancel().expectPath('box.idle');
    assert.equal(pendingRect(ed.state), null);
    ed.pointerDown(100, 100).pointerMove(200, 200).cancel().expectPath('box.idle');
    assert.equal(ed.boxes.length, 0);
  });

  it('a tiny drag is a click: it selects the box under the pointer, or clears the selection', () => {
    const ed = testEditor().drawBox(100, 100, 300, 300).drawBox(500, 500, 600, 600);
    const [a, b] = ed.boxes.map((x) => x.key);
    ed.select(null);
    ed.pointerDown(200, 200).pointerMove(202, 201).pointerUp().expectPath('box.idle'); // inside a (unselected)
    assert.equal(ed.selected, a);
    ed.click(550, 550);
    assert.equal(ed.selected, b);
    ed.click(800, 100);
    assert.equal(ed.selected, null);
    assert.equal(ed.boxes.length, 2);
    assert.equal(ed.state.revision, 2);
  });

  it('a drag inside an unselected box draws a new box inside it', () => {
    const ed = testEditor().drawBox(100, 100, 500, 500, 'Cardiomegaly').select(null);
    ed.drag(200, 200, 260, 250).expectPath('box.labelling').chooseLabel('Nodule/Mass');
    assert.equal(ed.boxes.length, 2);
    assert.deepEqual(ed.rect(ed.boxes[0]!.key), [100, 100, 500, 500]);
    assert.deepEqual(ed.rect(), [200, 200, 260, 250]);
  });

  it('the box is clamped to the image', () => {
    const ed = testEditor(1000, 800).drawBox(900, 700, 1200, 950);
    assert.deepEqual(ed.rect(), [900, 700, 1000, 800]);
    ed.drawBox(-50, -40, 50, 40);
    assert.deepEqual(ed.rect(), [0, 0, 50, 40]);
  });

  it('coordinates are rounded to 0.1 image px', () => {
    const ed = testEditor().drawBox(100.04, 99.96, 200.06, 180.149);
    assert.deepEqual(ed.rect(), [100, 100, 200.1, 180.1]);
  });

  it('the minimum drawn size is in screen px: it scales with the zoom', () => {
    // 3 screen px at zoom 1: a click.
    const ed = testEditor().drag(100, 100, 103, 103).expectPath('box.idle');
    // 2 image px at zoom 4 = 8 screen px: a box.
    ed.zoom(4).drag(100, 100, 102, 102).expectPath('box.labelling').cancel();
    // 10 image px at zoom 0.25 = 2.5 screen px: a click.
    ed.zoom(0.25).drag(100, 100, 110, 110).expectPath('box.idle');
    // 40 image px at zoom 0.25 = 10 screen px: a box.
    ed.drag(100, 100, 140, 140).expectPath('box.labelling');
  });

  it('a box is at least 1 image px a side even when zoomed far in', () => {
    const ed = testEditor().zoom(20).drag(100, 100, 100.6, 100.6).expectPath('box.idle');
    ed.drag(100, 100, 101, 101).expectPath('box.labelling');
  });
});

describe('box tool: moving', () => {
  const setup = () => testEditor(1000, 800).drawBox(100, 100, 200, 180);

  it('down on the selected box moves it; up commits one undo step', () => {
    const ed = setup();
    const key = ed.selected!;
    const doc = ed.state.doc;
    ed.pointerDown(150, 140).expectPath('box.moving');
    assert.equal(cursorFor(ed.state), 'move');
    ed.pointerMove(200, 170).pointerMove(250, 200).expectPath('box.moving');
    assert.equal(ed.state.doc, doc, 'the doc does not change during the drag');
    assert.deepEqual(liveBoxes(ed.state).map((b) => [b.xMin, b.yMin, b.xMax, b.yMax]), [[200, 160, 300, 240]]);
    ed.pointerUp().expectPath('box.idle');
    assert.deepEqual(ed.rect(key), [200, 160, 300, 240]);
    assert.equal(ed.state.revision, 2);
    assert.equal(ed.state.past.length, 2);
    ed.undo();
    assert.deepEqual(ed.rect(key), [100, 100, 200, 180]);
    ed.redo();
    assert.deepEqual(ed.rect(key), [200, 160, 300, 240]);
  });

  it('down on the border of an unselected box selects and moves it', () => {
    const ed = setup().select(null);
    ed.pointerDown(103, 140).expectPath('box.moving');
    assert.equal(ed.selected, ed.boxes[0]!.key);
    ed.pointerMove(123, 150).pointerUp();
    assert.deepEqual(ed.rect(), [120, 110, 220, 190]);
  });

  it('a move stops at the image edges and keeps the size', () => {
    const ed = setup();
    ed.drag(150, 140, 2000, -500);
    assert.deepEqual(ed.rect(), [900, 0, 1000, 80]);
  });

  it('a click (or a move under the click tolerance) changes nothing', () => {
    const ed = setup();
    const before = ed.state.doc;
    ed.click(150, 140).expectPath('box.idle');
    ed.pointerDown(150, 140).pointerMove(152, 141).pointerUp();
    assert.equal(ed.state.doc, before);
    assert.equal(ed.state.revision, 1);
    assert.equal(ed.selected, ed.boxes[0]!.key);
  });

  it('a click on the selected box picks a smaller box inside it', () => {
    const ed = testEditor().drawBox(100, 100, 500, 500, 'Big').select(null).drawBox(200, 200, 260, 260, 'Small');
    const [big, small] = ed.boxes.map((b) => b.key);
    ed.select(big!);
    ed.click(230, 230);
    assert.equal(ed.selected, small);
    ed.select(small!).click(230, 230);
    assert.equal(ed.selected, small, 'no smaller box inside: stays');
  });

  it('a click that selects a box by its border keeps it, even with a smaller box under the pointer', () => {
    const ed = testEditor().drawBox(103, 200, 160, 260, 'Small').drawBox(100, 100, 500, 500, 'Big').select(null);
    const big = ed.boxes[1]!.key;
    ed.click(100, 230);
    assert.equal(ed.selected, big);
  });

  it('a pointer cancel during a move restores the box and commits nothing', () => {
    const ed = setup();
    ed.pointerDown(150, 140).pointerMove(300, 300).pointerCancel().expectPath('box.idle');
    assert.deepEqual(ed.rect(), [100, 100, 200, 180]);
    assert.equal(ed.state.revision, 1);
  });
});

describe('box tool: resizing', () => {
  const setup = () => testEditor(1000, 800).drawBox(100, 100, 200, 180);
  const grab: Record<Handle, [number, number]> = {
    nw: [100, 100], n: [150, 100], ne: [200, 100], e: [200, 140], se: [200, 180], s: [150, 180], sw: [100, 180], w: [100, 140],
  };
  const expected: Record<Handle, [number, number, number, number]> = {
    nw: [130, 120, 200, 180], n: [100, 120, 200, 180], ne: [100, 120, 230, 180], e: [100, 100, 230, 180],
    se: [100, 100, 230, 200], s: [100, 100, 200, 200], sw: [130, 100, 200, 200], w: [130, 100, 200, 180],
  };
  const cursors: Record<Handle, string> = {
    nw: 'nwse-resize', se: 'nwse-resize', ne: 'nesw-resize', sw: 'nesw-resize', n: 'ns-resize', s: 'ns-resize', e: 'ew-resize', w: 'ew-resize',
  };

  for (const h of Object.keys(grab) as Handle[]) {
    it(`handle ${h} resizes by its edges only, as one undo step`, () => {
      const ed = setup();
      const [x, y] = grab[h];
      assert.equal(cursorFor(ed.state, hoverAt(ed.state, x, y, 1)), cursors[h]);
      ed.pointerDown(x, y).expectPath('box.resizing');
      assert.equal(cursorFor(ed.state), cursors[h]);
      ed.pointerMove(x + 15, y + 10).pointerMove(x + 30, y + 20).pointerUp().expectPath('box.idle');
      assert.deepEqual(ed.rect(), expected[h]);
      assert.equal(ed.state.revision, 2);
      ed.undo();
      assert.deepEqual(ed.rect(), [100, 100, 200, 180]);
    });
  }

  it('crossing over the opposite corner flips the box and the cursor', () => {
    const ed = setup();
    ed.pointerDown(200, 180).pointerMove(50, 60);
    assert.equal(cursorFor(ed.state), 'nwse-resize');
    assert.equal(ed.state.tool.mode === 'resizing' && ed.state.tool.active, 'nw');
    ed.pointerUp();
    assert.deepEqual(ed.rect(), [50, 60, 100, 100]);
  });

  it('crossing over on one axis mirrors the handle on that axis only', () => {
    const ed = setup();
    ed.pointerDown(200, 100).pointerMove(60, 120);
    assert.equal(ed.state.tool.mode === 'resizing' && ed.state.tool.active, 'nw');
    assert.equal(cursorFor(ed.state), 'nwse-resize');
    ed.pointerUp();
    assert.deepEqual(ed.rect(), [60, 120, 100, 180]);
    ed.drag(100, 140, 250, 140); // the right edge is now at x = 100
    assert.deepEqual(ed.rect(), [60, 120, 250, 180]);
  });

  it('crossing over with an edge handle', () => {
    const ed = setup().drag(200, 140, 40, 140);
    assert.deepEqual(ed.rect(), [40, 100, 100, 180]);
  });

  it('a side never gets below 1 image px', () => {
    const ed = setup().drag(200, 140, 100.3, 140);
    assert.deepEqual(ed.rect(), [100, 100, 101, 180]);
    ed.undo().drag(200, 140, 100, 140);
    assert.deepEqual(ed.rect(), [100, 100, 101, 180]);
    ed.undo().drag(200, 140, 99.5, 140);
    assert.deepEqual(ed.rect(), [99, 100, 100, 180]);
  });

  it('a resize stops at the image edges', () => {
    const ed = setup().drag(200, 180, 1500, 1000);
    assert.deepEqual(ed.rect(), [100, 100, 1000, 800]);
    ed.drag(100, 100, -30, -40);
    assert.deepEqual(ed.rect(), [0, 0, 1000, 800]);
  });

  it('the edge keeps its offset from the pointer (no jump when grabbed off the line)', () => {
    const ed = setup().drag(203, 140, 253, 140);
    assert.deepEqual(ed.rect(), [100, 100, 250, 180]);
  });

  it('the handle tolerance is in screen px: it scales with the zoom', () => {
    const at = (scale: number, x: number) => {
      const ed = setup().zoom(scale);
      ed.pointerDown(x, 140);
      return ed.path;
    };
    assert.equal(at(1, 205), 'box.resizing');
    assert.equal(at(1, 207), 'box.drawing');
    assert.equal(at(0.5, 210), 'box.resizing'); // 5 screen px
    assert.equal(at(0.5, 214), 'box.drawing'); // 7 screen px
    assert.equal(at(4, 201), 'box.resizing'); // 4 screen px
    assert.equal(at(4, 202), 'box.drawing'); // 8 screen px
  });

  it('a small box keeps a middle to grab for moving', () => {
    const ed = testEditor().zoom(1).drawBox(100, 100, 108, 108);
    ed.pointerDown(104, 104).expectPath('box.moving');
    ed.pointerCancel().pointerDown(100, 104).expectPath('box.resizing');
  });
});

describe('box tool: cursor and hover', () => {
  it('hover: crosshair on empty image and inside unselected boxes, move on borders and the selected box', () => {
    const ed = testEditor().drawBox(100, 100, 200, 200).drawBox(400, 400, 500, 500);
    const s = ed.state;
    assert.equal(cursorFor(s, hoverAt(s, 700, 700, 1)), 'crosshair');
    assert.equal(cursorFor(s, hoverAt(s, 150, 150, 1)), 'crosshair');
    assert.equal(cursorFor(s, hoverAt(s, 102, 150, 1)), 'move');
    assert.equal(cursorFor(s, hoverAt(s, 450, 450, 1)), 'move');
    assert.equal(cursorFor(s, hoverAt(s, 500, 500, 1)), 'nwse-resize');
    assert.equal(cursorFor(s, hoverAt(s, 400, 500, 1)), 'nesw-resize');
    assert.equal(hoverAt(s, 102, 150, 1)?.key, ed.boxes[0]!.key);
  });
});

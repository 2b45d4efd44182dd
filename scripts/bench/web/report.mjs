// The benchmark's tables: each measure's n, median, p95 and max beside its target.
import { fmt, log, markdownTable } from '../format.mjs';
import { TARGETS } from './config.mjs';
import { summary } from './stats.mjs';

/** Rows: [measure, target, n, median, p95, max, verdict]; verdict on the median for latencies, the p95 for frames. */
export function resultRows({ open, session, wl, crowd }) {
  const rows = [];
  const add = (measure, xs, target, on = 'median') => {
    const s = summary(xs ?? []);
    const value = s[on];
    const verdict = target === undefined || value === undefined ? '' : value < target ? `ok (${on})` : `MISSED (${on})`;
    rows.push({ measure, target: target === undefined ? '—' : `< ${target} ms`, ...s, verdict });
  };
  if (session) {
    add('not prefetched: cxr:next-task → first full-resolution frame (server pixel cache warm)', session.notPrefetched, TARGETS.coldMs);
    add('not prefetched: click on Submit → first full-resolution frame', session.clickNotPrefetched, TARGETS.coldMs);
    add('prefetched: cxr:next-task → first full-resolution frame', session.prefetched, TARGETS.prefetchedMs);
    add('prefetched: click on Submit → first full-resolution frame', session.clickPrefetched, TARGETS.prefetchedMs);
    add('  of which the submit request (click → its answer)', [...session.submitPrefetched, ...session.submitNotPrefetched], undefined);
  }
  if (open) {
    add('fresh tab: navigation → first frame, server pixel cache cold', open.serverCold, undefined);
    add('fresh tab: navigation → first frame, server pixel cache warm', open.serverWarm, undefined);
    add('  of which pixels fetch + decode (cxr:pixels), server cache cold', open.pixelsCold, undefined);
    add('  of which pixels fetch + decode (cxr:pixels), server cache warm', open.pixelsWarm, undefined);
  }
  if (wl) add('window/level change: cxr:wl-start → cxr:wl-frame', wl.wl, TARGETS.wlMs);
  if (crowd) {
    add(`${crowd.boxes} boxes: frame interval while idle (reference)`, crowd.idle, undefined);
    if (crowd.plain?.pan) add('no boxes: frame interval while panning (reference)', crowd.plain.pan, undefined);
    if (crowd.plain?.zoom) add('no boxes: frame interval while zooming (reference)', crowd.plain.zoom, undefined);
    add(`${crowd.boxes} boxes: frame interval while panning (middle drag)`, crowd.pan, TARGETS.frameP95Ms, 'p95');
    add(`${crowd.boxes} boxes: frame interval while zooming (wheel)`, crowd.zoom, TARGETS.frameP95Ms, 'p95');
    add(`${crowd.boxes} boxes: frame interval while drawing a box`, crowd.draw, TARGETS.frameP95Ms, 'p95');
  }
  return rows;
}

export function printResults(rows) {
  markdownTable(
    ['measure', 'target', 'n', 'median ms', 'p95 ms', 'max ms', 'verdict'],
    rows.map((r) => [r.measure, r.target, String(r.n), fmt(r.median, 1), fmt(r.p95, 1), fmt(r.max, 1), r.verdict]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
  );
}

export function printLongTasks(crowd) {
  if (!crowd) return;
  log('');
  log(`Long tasks (> 50 ms on the main thread, PerformanceObserver) during the ${crowd.boxes}-box interactions:`);
  markdownTable(
    ['interaction', 'long tasks', 'longest ms', 'frames'],
    ['idle', 'pan', 'zoom', 'draw'].map((k) => [k, String(crowd.longTasks[k].length), fmt(crowd.longTasks[k].length ? Math.max(...crowd.longTasks[k]) : undefined, 0), String(crowd[k].length)]),
    ['l', 'r', 'r', 'r'],
  );
}

/** The run's output for docs/benchmarks.md: Markdown tables as they are, the other lines in text blocks. */
export function markdownSection(heading, lines) {
  const out = [heading, ''];
  let text = [];
  const flush = () => {
    while (text.length > 0 && text.at(-1).trim() === '') text.pop();
    if (text.length > 0) out.push('```text', ...text, '```', '');
    text = [];
  };
  for (const line of lines) {
    if (line.startsWith('|')) {
      flush();
      out.push(line);
      continue;
    }
    if (out.at(-1)?.startsWith('|')) out.push('');
    if (text.length > 0 || line.trim() !== '') text.push(line.replace(/^\n/, ''));
  }
  flush();
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// (3) Window/level: the right button dragged over the image in small steps, each step waiting for the
// viewer's cxr:wl-frame; the viewer's own cxr:wl measure (cxr:wl-start, when the change is asked for, to
// cxr:wl-frame, once it is drawn) for each step.
import { WL } from './config.mjs';
import { clearEntries, entries } from './page-probes.mjs';

export async function wlPhase(page, progress) {
  const viewer = page.getByTestId('image-viewer').first();
  const box = await viewer.boundingBox();
  const out = { wl: [], missed: 0 };
  for (let rep = 0; rep < WL.reps; rep++) {
    await clearEntries(page, 'cxr:wl');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down({ button: 'right' });
    for (let step = 1; step <= WL.steps; step++) {
      const frames = (await entries(page, 'cxr:wl-frame')).length;
      const sign = rep % 2 === 0 ? 1 : -1;
      await page.mouse.move(x + sign * step * 5, y + sign * step * 3);
      try {
        await page.waitForFunction((n) => performance.getEntriesByName('cxr:wl-frame', 'mark').length > n, frames, { timeout: 2_000 });
      } catch {
        out.missed++;
      }
    }
    await page.mouse.up({ button: 'right' });
    const measures = (await entries(page, 'cxr:wl')).filter((e) => e.entryType === 'measure' && e.name === 'cxr:wl');
    out.wl.push(...measures.map((m) => m.duration));
    progress(`window/level rep ${rep + 1}: ${measures.length} renders measured`);
  }
  return out;
}

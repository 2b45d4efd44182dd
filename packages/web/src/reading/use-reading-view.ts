// The viewer's state for the reading view: window, inversion and viewport, the window presets of the
// image, and the view commands (fit, 1:1, zoom, presets, invert, reset). A new image opens with its
// default window (from the header) in the same render as its pixels, and a viewport the viewer fits.
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { defaultWindow, openingView, windowPresets, type ImageViewerHandle, type PixelImage, type ViewState, type WindowPreset } from '../viewer/index.js';

type HeaderWindows = readonly { name: string; center: number; width: number }[];

export interface ReadingView {
  view: ViewState;
  setView(view: ViewState): void;
  presets: WindowPreset[];
  /** The preset the window is at, or -1. */
  presetIndex: number;
  fit(): void;
  actualSize(): void;
  zoomBy(factor: number): void;
  resetView(): void;
  toggleInvert(): void;
  applyPreset(index: number): void;
  cyclePreset(step: 1 | -1): void;
}

const opening = (image: PixelImage | null, header: HeaderWindows): ViewState =>
  openingView(image !== null ? defaultWindow(image, header) : { center: 2048, width: 4096 });

export function useReadingView(pixels: PixelImage | null, headerWindows: HeaderWindows, viewer: RefObject<ImageViewerHandle | null>): ReadingView {
  const [state, setState] = useState<{ imageId: number | undefined; view: ViewState }>(() => ({ imageId: pixels?.id, view: opening(pixels, headerWindows) }));
  let current = state;
  if (pixels !== null && state.imageId !== pixels.id) {
    current = { imageId: pixels.id, view: opening(pixels, headerWindows) };
    setState(current);
  }
  const view = current.view;
  const latest = useRef(view);
  latest.current = view;

  const presets = useMemo(() => (pixels === null ? [] : windowPresets(pixels, headerWindows)), [pixels, headerWindows]);
  const presetIndex = presets.findIndex((p) => p.center === view.window.center && p.width === view.window.width);
  const presetsRef = useRef(presets);
  presetsRef.current = presets;

  const setView = useCallback((next: ViewState) => setState((s) => ({ ...s, view: next })), []);
  const update = useCallback((f: (v: ViewState) => ViewState) => setState((s) => ({ ...s, view: f(s.view) })), []);

  const fit = useCallback(() => viewer.current?.fit(), [viewer]);
  const actualSize = useCallback(() => viewer.current?.actualSize(), [viewer]);
  const zoomBy = useCallback((factor: number) => viewer.current?.zoomBy(factor), [viewer]);
  const resetView = useCallback(() => viewer.current?.reset(), [viewer]);
  const toggleInvert = useCallback(() => update((v) => ({ ...v, invert: !v.invert })), [update]);
  const applyPreset = useCallback(
    (index: number) => {
      const p = presetsRef.current[index];
      if (p !== undefined) update((v) => ({ ...v, window: { center: p.center, width: p.width } }));
    },
    [update],
  );
  const cyclePreset = useCallback(
    (step: 1 | -1) => {
      const list = presetsRef.current;
      if (list.length === 0) return;
      const w = latest.current.window;
      const at = list.findIndex((p) => p.center === w.center && p.width === w.width);
      applyPreset(at < 0 ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length);
    },
    [applyPreset],
  );

  return { view, setView, presets, presetIndex, fit, actualSize, zoomBy, resetView, toggleInvert, applyPreset, cyclePreset };
}

// What the reading and the review workspaces both give ViewerArea: the image and its view, and the label
// popover (for the box just drawn, or the box being relabelled).
import type { RefObject } from 'react';
import type { UseEditor } from '../tools/index.js';
import type { ImageViewerHandle, PixelImage } from '../viewer/index.js';
import type { ReadingView } from './use-reading-view.js';
import type { PopoverRequest, ViewerAreaProps } from './ViewerArea.js';

/** The viewer, the task's pixels (null while loading) and their load error, and the view. */
export function viewerImageProps(
  viewer: RefObject<ImageViewerHandle | null>,
  pixels: PixelImage | null,
  error: unknown,
  rv: Pick<ReadingView, 'view' | 'setView'>,
): Pick<ViewerAreaProps, 'viewerRef' | 'pixels' | 'loading' | 'error' | 'view' | 'onViewChange'> {
  return {
    viewerRef: viewer,
    pixels,
    loading: pixels === null,
    error: error === undefined ? null : ((error as Error).message ?? String(error)),
    view: rv.view,
    onViewChange: rv.setView,
  };
}

export interface LabelPopoverOptions {
  editor: UseEditor;
  /** False on a read-only task: no popover. */
  editable: boolean;
  /** The box being relabelled, and how to end the relabelling. */
  relabelKey: string | null;
  setRelabelKey(key: string | null): void;
  /** The popover's title for a new box, and for relabelling the box at `index`. */
  titles: { label: string; relabel(index: number): string };
}

/** The label popover to show, or null. */
export function labelPopover({ editor, editable, relabelKey, setRelabelKey, titles }: LabelPopoverOptions): PopoverRequest | null {
  if (!editable) return null;
  const { tool, doc } = editor.state;
  if (tool.mode === 'labelling') {
    return {
      rect: tool.box,
      title: titles.label,
      onChoose: (label) => editor.dispatch({ type: 'chooseLabel', label }),
      onCancel: () => editor.dispatch({ type: 'cancel' }),
    };
  }
  if (relabelKey === null) return null;
  const i = doc.boxes.findIndex((b) => b.key === relabelKey);
  const box = doc.boxes[i];
  if (box === undefined) return null;
  return {
    rect: box,
    current: box.label,
    title: titles.relabel(i),
    onChoose: (label) => {
      editor.dispatch({ type: 'setLabel', key: box.key, label });
      setRelabelKey(null);
    },
    onCancel: () => setRelabelKey(null),
  };
}

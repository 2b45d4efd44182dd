// CSS cursors of the box tool.
import type { Handle } from '../editor-types.js';

const HANDLE_CURSORS: Record<Handle, string> = {
  n: 'ns-resize', s: 'ns-resize', e: 'ew-resize', w: 'ew-resize',
  nw: 'nwse-resize', se: 'nwse-resize', ne: 'nesw-resize', sw: 'nesw-resize',
};

export const handleCursor = (handle: Handle): string => HANDLE_CURSORS[handle];
export const DRAW_CURSOR = 'crosshair';
export const MOVE_CURSOR = 'move';

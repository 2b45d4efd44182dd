// The workspace's own UI state, shared by the reading and the review views: the left-button tool (Space
// held or a read-only task: pan), the help overlay, the side panel and the box being relabelled; as the
// ReadingUi that useReadingActions drives.
import { useState } from 'react';
import type { LeftTool } from '../viewer/index.js';
import type { ReadingUi } from './use-reading-actions.js';

type SetOpen = (open: boolean | ((o: boolean) => boolean)) => void;

export interface WorkspaceUi extends ReadingUi {
  /** The tool the left button uses now. */
  leftTool: LeftTool;
  panelOpen: boolean;
  setPanelOpen: SetOpen;
}

/** `panel`: the side panel's open state and setter (remembered or not, as the view wants). */
export function useWorkspaceUi(readOnly: boolean, [panelOpen, setPanelOpen]: [boolean, SetOpen]): WorkspaceUi {
  const [tool, setTool] = useState<LeftTool>('annotate');
  const [panHeld, setPanHeld] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [relabelKey, setRelabelKey] = useState<string | null>(null);
  const leftTool: LeftTool = panHeld ? 'pan' : readOnly && tool === 'annotate' ? 'pan' : tool;
  return {
    leftTool,
    setTool,
    holdPan: setPanHeld,
    helpOpen,
    setHelpOpen,
    panelOpen,
    togglePanel: () => setPanelOpen((o) => !o),
    setPanelOpen,
    relabelKey,
    setRelabelKey,
  };
}

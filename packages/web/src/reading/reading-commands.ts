// The reading view's keyboard map: one row per command. Plain digits are labels only: inside the label
// popover (which has the focus, so this table does not see them) they choose a label, and elsewhere they
// do nothing, so a digit typed a moment too early never changes the view. Shift+digit picks a window
// preset, Alt+digit toggles a global label. Pure: the view supplies the
// context (ReadingActions) and the hook use-shortcuts.ts binds the table to the keyboard.
import type { Command } from './commands.js';
import type { LeftTool } from '../viewer/types.js';

/** What the commands act on: implemented by the reading view (and by the review view, for the shared rows). */
export interface ReadingActions {
  hasSelection(): boolean;
  hasBoxes(): boolean;
  setTool(tool: LeftTool): void;
  /** Space held: the left button pans until released. */
  holdPan(on: boolean): void;
  fit(): void;
  actualSize(): void;
  zoomBy(factor: number): void;
  resetView(): void;
  toggleInvert(): void;
  cyclePreset(step: 1 | -1): void;
  /** The n-th window preset (0-based). */
  applyPreset(index: number): void;
  toggleBoxesHidden(): void;
  deleteSelected(): void;
  duplicateSelected(): void;
  undo(): void;
  redo(): void;
  /** Moves the selected box by (dx, dy) screen px. */
  nudge(dx: number, dy: number): void;
  selectNext(step: 1 | -1): void;
  /** Opens the label popover for the selected box. */
  relabel(): void;
  /** Toggles the n-th global label of the schema (0-based). */
  toggleGlobalAt(index: number): void;
  toggleNoFinding(): void;
  focusGlobals(): void;
  submit(): void;
  saveNow(): void;
  /** Escape: closes what is open, cancels the box being drawn, or clears the selection. */
  escape(): void;
  toggleHelp(): void;
  togglePanel(): void;
}

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i + 1));

export const MAX_PRESET_KEYS = 5;
export const MAX_GLOBAL_KEYS = 9;

type C = ReadingActions;
const selected = (c: C) => c.hasSelection();

export const readingCommands: readonly Command<C>[] = [
  // Tools
  { id: 'tool.box', keys: ['B'], label: 'Box tool: draw and edit boxes', group: 'Tools', perform: (c) => c.setTool('annotate') },
  { id: 'tool.pan', keys: ['H'], label: 'Pan tool (or hold Space, or drag with the middle button)', group: 'Tools', perform: (c) => c.setTool('pan') },
  { id: 'tool.pan-hold', keys: ['Space'], label: 'Hold to pan with the left button', group: 'Tools', perform: (c) => c.holdPan(true), release: (c) => c.holdPan(false) },
  { id: 'tool.window', keys: ['W'], label: 'Window tool (or drag with the right button)', group: 'Tools', perform: (c) => c.setTool('window') },
  { id: 'tool.zoom', keys: ['Z'], label: 'Zoom tool (or the wheel)', group: 'Tools', perform: (c) => c.setTool('zoom') },
  // View
  { id: 'view.fit', keys: ['F'], label: 'Fit the image', group: 'View', perform: (c) => c.fit() },
  { id: 'view.actual', keys: ['A'], label: 'Actual size (1 image px = 1 screen px)', group: 'View', perform: (c) => c.actualSize() },
  { id: 'view.zoom-in', keys: ['+', '='], label: 'Zoom in', group: 'View', repeat: true, perform: (c) => c.zoomBy(1.25) },
  { id: 'view.zoom-out', keys: ['-'], label: 'Zoom out', group: 'View', repeat: true, perform: (c) => c.zoomBy(0.8) },
  { id: 'view.reset', keys: ['R'], label: 'Reset the view (fit, default window, no inversion)', group: 'View', perform: (c) => c.resetView() },
  { id: 'view.invert', keys: ['I'], label: 'Invert grey levels', group: 'View', perform: (c) => c.toggleInvert() },
  { id: 'view.preset-next', keys: ['P'], label: 'Next window preset', group: 'View', perform: (c) => c.cyclePreset(1) },
  { id: 'view.preset-prev', keys: ['Shift+P'], label: 'Previous window preset', group: 'View', perform: (c) => c.cyclePreset(-1) },
  {
    id: 'view.preset',
    keys: range(MAX_PRESET_KEYS, (i) => `Shift+${i}`),
    keysHint: `Shift+1 … ${MAX_PRESET_KEYS}`,
    label: 'Window preset 1 … 5 (in the toolbar’s order)',
    group: 'View',
    perform: (c, i) => c.applyPreset(i),
  },
  { id: 'view.boxes', keys: ['V'], label: 'Hide or show the boxes', group: 'View', perform: (c) => c.toggleBoxesHidden() },
  { id: 'view.panel', keys: ['\\'], label: 'Collapse or expand the side panel', group: 'View', perform: (c) => c.togglePanel() },
  // Boxes
  { id: 'box.delete', keys: ['Delete', 'Backspace'], label: 'Delete the selected box', group: 'Boxes', edits: true, enabled: selected, perform: (c) => c.deleteSelected() },
  { id: 'box.duplicate', keys: ['Ctrl+D'], label: 'Duplicate the selected box', group: 'Boxes', edits: true, enabled: selected, perform: (c) => c.duplicateSelected() },
  { id: 'box.relabel', keys: ['L'], label: 'Relabel the selected box', group: 'Boxes', edits: true, enabled: selected, perform: (c) => c.relabel() },
  { id: 'box.next', keys: ['Tab'], label: 'Select the next box', group: 'Boxes', canvasOnly: true, enabled: (c) => c.hasBoxes(), perform: (c) => c.selectNext(1) },
  { id: 'box.prev', keys: ['Shift+Tab'], label: 'Select the previous box', group: 'Boxes', canvasOnly: true, enabled: (c) => c.hasBoxes(), perform: (c) => c.selectNext(-1) },
  { id: 'box.nudge-left', keys: ['ArrowLeft'], keysHint: '← ↑ → ↓', label: 'Nudge the selected box by 1 screen px', group: 'Boxes', edits: true, repeat: true, enabled: selected, perform: (c) => c.nudge(-1, 0) },
  { id: 'box.nudge-right', hideInHelp: true, keys: ['ArrowRight'], label: 'Nudge right', group: 'Boxes', edits: true, repeat: true, enabled: selected, perform: (c) => c.nudge(1, 0) },
  { id: 'box.nudge-up', hideInHelp: true, keys: ['ArrowUp'], label: 'Nudge up', group: 'Boxes', edits: true, repeat: true, enabled: selected, perform: (c) => c.nudge(0, -1) },
  { id: 'box.nudge-down', hideInHelp: true, keys: ['ArrowDown'], label: 'Nudge down', group: 'Boxes', edits: true, repeat: true, enabled: selected, perform: (c) => c.nudge(0, 1) },
  { id: 'box.nudge-far-left', keys: ['Shift+ArrowLeft'], keysHint: 'Shift+← ↑ → ↓', label: 'Nudge the selected box by 10 screen px', group: 'Boxes', edits: true, repeat: true, enabled: selected, perform: (c) => c.nudge(-10, 0) },
  { id: 'box.nudge-far-right', hideInHelp: true, keys: ['Shift+ArrowRight'], label: 'Nudge right by 10', group: 'Boxes', edits: true, repeat: true, enabled: selected, perform: (c) => c.nudge(10, 0) },
  { id: 'box.nudge-far-up', hideInHelp: true, keys: ['Shift+ArrowUp'], label: 'Nudge up by 10', group: 'Boxes', edits: true, repeat: true, enabled: selected, perform: (c) => c.nudge(0, -10) },
  { id: 'box.nudge-far-down', hideInHelp: true, keys: ['Shift+ArrowDown'], label: 'Nudge down by 10', group: 'Boxes', edits: true, repeat: true, enabled: selected, perform: (c) => c.nudge(0, 10) },
  // Edit
  { id: 'edit.undo', keys: ['Ctrl+Z'], label: 'Undo', group: 'Edit', edits: true, repeat: true, perform: (c) => c.undo() },
  { id: 'edit.redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], label: 'Redo', group: 'Edit', edits: true, repeat: true, perform: (c) => c.redo() },
  { id: 'edit.escape', keys: ['Escape'], label: 'Cancel the box being drawn, close, or deselect', group: 'Edit', perform: (c) => c.escape() },
  // Labels
  {
    id: 'label.global',
    keys: range(MAX_GLOBAL_KEYS, (i) => `Alt+${i}`),
    keysHint: 'Alt+1 … 9',
    label: 'Toggle global label 1 … 9 (in the panel’s order)',
    group: 'Labels',
    edits: true,
    perform: (c, i) => c.toggleGlobalAt(i),
  },
  { id: 'label.no-finding', keys: ['N'], label: 'Toggle “No finding”', group: 'Labels', edits: true, perform: (c) => c.toggleNoFinding() },
  { id: 'label.focus-globals', keys: ['G'], label: 'Go to the global labels (Space toggles)', group: 'Labels', perform: (c) => c.focusGlobals() },
  // Read
  { id: 'read.submit', keys: ['Ctrl+Enter'], label: 'Submit the read and open the next image', group: 'Read', edits: true, perform: (c) => c.submit() },
  { id: 'read.save', keys: ['Ctrl+S'], label: 'Save the draft now', group: 'Read', edits: true, perform: (c) => c.saveNow() },
  { id: 'help', keys: ['?', 'F1'], label: 'Show or hide this help', group: 'Read', perform: (c) => c.toggleHelp() },
];

/** The command with this id (for tooltips: "Fit (F)"). */
export const readingCommand = (id: string): Command<C> | undefined => readingCommands.find((c) => c.id === id);

// The slim left toolbar: the left-button tools, the view (fit, 1:1, window presets, invert, reset), boxes
// (hide, undo, redo) and help. Buttons do not take the focus on click, so that Space and the shortcuts
// keep going to the image.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { EditorState } from '../tools/index.js';
import type { LeftTool } from '../viewer/index.js';
import { keyHint } from './commands.js';
import { icons } from './icons.js';
import { readingCommand, type ReadingActions } from './reading-commands.js';
import type { ReadingView } from './use-reading-view.js';

/** What the toolbar shows and drives of the view (a ReadingView from useReadingView). */
export type ToolbarView = Pick<ReadingView, 'view' | 'presets' | 'presetIndex' | 'applyPreset' | 'toggleInvert' | 'fit' | 'actualSize' | 'resetView'>;
/** What it shows of the editor: boxes hidden, and whether there is something to undo or redo. */
export type ToolbarEditor = Pick<EditorState, 'hidden' | 'past' | 'future'>;
/** The commands behind its tool and box buttons (the workspace's ReadingActions). */
export type ToolbarActions = Pick<ReadingActions, 'setTool' | 'toggleBoxesHidden' | 'undo' | 'redo'>;

export interface ReadingToolbarProps {
  tool: LeftTool;
  view: ToolbarView;
  editor: ToolbarEditor;
  actions: ToolbarActions;
  readOnly: boolean;
  onHelp(): void;
}

const hint = (id: string): string => {
  const c = readingCommand(id);
  return c === undefined ? '' : ` (${keyHint(c)})`;
};

function ToolButton({ label, id, pressed, disabled, onClick, children }: { label: string; id: string; pressed?: boolean; disabled?: boolean; onClick(): void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      title={`${label}${hint(id)}`}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function ReadingToolbar({ tool: current, view, editor, actions, readOnly, onHelp }: ReadingToolbarProps) {
  const [presetsOpen, setPresetsOpen] = useState(false);
  const menuAnchor = useRef<HTMLDivElement>(null);
  // The presets menu closes on a press elsewhere or Escape.
  useEffect(() => {
    if (!presetsOpen) return;
    const onDown = (e: PointerEvent) => {
      if (!menuAnchor.current?.contains(e.target as Node)) setPresetsOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPresetsOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [presetsOpen]);
  const tools: [LeftTool, string, string, ReactNode][] = [
    ['annotate', 'Box tool', 'tool.box', icons.box],
    ['pan', 'Pan', 'tool.pan', icons.pan],
    ['window', 'Window / level', 'tool.window', icons.window],
    ['zoom', 'Zoom', 'tool.zoom', icons.zoom],
  ];
  return (
    <nav className="reading-toolbar" aria-label="Tools">
      <div className="tool-group" role="group" aria-label="Left button tool">
        {tools.map(([tool, label, id, icon]) => (
          <ToolButton key={tool} label={label} id={id} pressed={current === tool} disabled={tool === 'annotate' && readOnly} onClick={() => actions.setTool(tool)}>
            {icon}
          </ToolButton>
        ))}
      </div>
      <div className="tool-group" role="group" aria-label="View">
        <ToolButton label="Fit" id="view.fit" onClick={view.fit}>
          {icons.fit}
        </ToolButton>
        <ToolButton label="Actual size" id="view.actual" onClick={view.actualSize}>
          {icons.actual}
        </ToolButton>
        <div className="tool-menu-anchor" ref={menuAnchor}>
          <ToolButton label="Window presets" id="view.preset-next" pressed={presetsOpen} onClick={() => setPresetsOpen((o) => !o)}>
            {icons.presets}
          </ToolButton>
          {presetsOpen && (
            <div className="tool-menu" role="menu" aria-label="Window presets">
              {view.presets.map((preset, i) => (
                <button
                  key={`${preset.name}-${i}`}
                  type="button"
                  role="menuitemradio"
                  aria-checked={i === view.presetIndex}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => {
                    view.applyPreset(i);
                    setPresetsOpen(false);
                  }}
                >
                  <span className="tool-menu-check">{i === view.presetIndex ? '●' : ''}</span>
                  <span className="tool-menu-name">{preset.name}</span>
                  <span className="muted tool-menu-values">
                    W {Math.round(preset.width)} L {Math.round(preset.center)}
                  </span>
                  {i < 5 && <kbd>{`Shift+${i + 1}`}</kbd>}
                </button>
              ))}
              <div className="tool-menu-foot muted">P / Shift+P: next / previous</div>
            </div>
          )}
        </div>
        <ToolButton label="Invert" id="view.invert" pressed={view.view.invert} onClick={view.toggleInvert}>
          {icons.invert}
        </ToolButton>
        <ToolButton label="Reset view" id="view.reset" onClick={view.resetView}>
          {icons.reset}
        </ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Boxes">
        <ToolButton label={editor.hidden ? 'Show boxes' : 'Hide boxes'} id="view.boxes" pressed={editor.hidden} onClick={actions.toggleBoxesHidden}>
          {editor.hidden ? icons.eyeOff : icons.eye}
        </ToolButton>
        <ToolButton label="Undo" id="edit.undo" disabled={editor.past.length === 0 || readOnly} onClick={actions.undo}>
          {icons.undo}
        </ToolButton>
        <ToolButton label="Redo" id="edit.redo" disabled={editor.future.length === 0 || readOnly} onClick={actions.redo}>
          {icons.redo}
        </ToolButton>
      </div>
      <span className="spacer" />
      <ToolButton label="Keyboard shortcuts" id="help" onClick={onHelp}>
        {icons.help}
      </ToolButton>
    </nav>
  );
}

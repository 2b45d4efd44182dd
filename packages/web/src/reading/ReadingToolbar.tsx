// The slim left toolbar: the left-button tools, the view (fit, 1:1, window presets, invert, reset), boxes
// (hide, undo, redo) and help. Buttons do not take the focus on click, so that Space and the shortcuts
// keep going to the image.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LeftTool, WindowPreset } from '../viewer/index.js';
import { keyHint } from './commands.js';
import { icons } from './icons.js';
import { readingCommand } from './reading-commands.js';

export interface ReadingToolbarProps {
  tool: LeftTool;
  onTool(tool: LeftTool): void;
  presets: readonly WindowPreset[];
  presetIndex: number;
  onPreset(index: number): void;
  invert: boolean;
  onInvert(): void;
  onFit(): void;
  onActualSize(): void;
  onReset(): void;
  boxesHidden: boolean;
  onToggleBoxes(): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
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

export function ReadingToolbar(p: ReadingToolbarProps) {
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
          <ToolButton key={tool} label={label} id={id} pressed={p.tool === tool} disabled={tool === 'annotate' && p.readOnly} onClick={() => p.onTool(tool)}>
            {icon}
          </ToolButton>
        ))}
      </div>
      <div className="tool-group" role="group" aria-label="View">
        <ToolButton label="Fit" id="view.fit" onClick={p.onFit}>
          {icons.fit}
        </ToolButton>
        <ToolButton label="Actual size" id="view.actual" onClick={p.onActualSize}>
          {icons.actual}
        </ToolButton>
        <div className="tool-menu-anchor" ref={menuAnchor}>
          <ToolButton label="Window presets" id="view.preset-next" pressed={presetsOpen} onClick={() => setPresetsOpen((o) => !o)}>
            {icons.presets}
          </ToolButton>
          {presetsOpen && (
            <div className="tool-menu" role="menu" aria-label="Window presets">
              {p.presets.map((preset, i) => (
                <button
                  key={`${preset.name}-${i}`}
                  type="button"
                  role="menuitemradio"
                  aria-checked={i === p.presetIndex}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => {
                    p.onPreset(i);
                    setPresetsOpen(false);
                  }}
                >
                  <span className="tool-menu-check">{i === p.presetIndex ? '●' : ''}</span>
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
        <ToolButton label="Invert" id="view.invert" pressed={p.invert} onClick={p.onInvert}>
          {icons.invert}
        </ToolButton>
        <ToolButton label="Reset view" id="view.reset" onClick={p.onReset}>
          {icons.reset}
        </ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Boxes">
        <ToolButton label={p.boxesHidden ? 'Show boxes' : 'Hide boxes'} id="view.boxes" pressed={p.boxesHidden} onClick={p.onToggleBoxes}>
          {p.boxesHidden ? icons.eyeOff : icons.eye}
        </ToolButton>
        <ToolButton label="Undo" id="edit.undo" disabled={!p.canUndo || p.readOnly} onClick={p.onUndo}>
          {icons.undo}
        </ToolButton>
        <ToolButton label="Redo" id="edit.redo" disabled={!p.canRedo || p.readOnly} onClick={p.onRedo}>
          {icons.redo}
        </ToolButton>
      </div>
      <span className="spacer" />
      <ToolButton label="Keyboard shortcuts" id="help" onClick={p.onHelp}>
        {icons.help}
      </ToolButton>
    </nav>
  );
}

// Every keyboard shortcut, from the command table, by group; plus the mouse. ? or Esc closes it.
import { useEffect, useRef } from 'react';
import type { Command } from './commands.js';
import { displayKeys } from './keys.js';

const MOUSE: readonly [string, string][] = [
  ['Left drag', 'the tool: draw a box (B), pan (H), window (W), zoom (Z)'],
  ['Right drag', 'window / level'],
  ['Middle drag', 'pan'],
  ['Wheel', 'zoom around the cursor'],
  ['Box edge / corner', 'drag to resize; drag inside to move'],
];

function Keys({ spec }: { spec: string }) {
  return (
    <span className="keys">
      {displayKeys(spec).map((k, i) => (
        <kbd key={i}>{k}</kbd>
      ))}
    </span>
  );
}

export function HelpOverlay<C>({ commands, onClose }: { commands: readonly Command<C>[]; onClose(): void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const groups = new Map<string, Command<C>[]>();
  for (const c of commands) {
    if (c.hideInHelp === true) continue;
    groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  }
  return (
    <div className="overlay" role="presentation" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} className="dialog help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay" tabIndex={-1}>
        <div className="help-head">
          <h1 id="help-title">Keyboard shortcuts</h1>
          <button type="button" className="ghost" onClick={onClose} aria-label="Close help">
            ×
          </button>
        </div>
        <div className="help-grid">
          {[...groups].map(([group, list]) => (
            <section key={group}>
              <h2>{group}</h2>
              <dl>
                {list.map((c) => (
                  <div key={c.id} className="help-row">
                    <dt>{c.keysHint !== undefined ? <span className="keys"><kbd>{c.keysHint}</kbd></span> : c.keys.map((k) => <Keys key={k} spec={k} />)}</dt>
                    <dd>{c.label}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section>
            <h2>Mouse</h2>
            <dl>
              {MOUSE.map(([k, v]) => (
                <div key={k} className="help-row">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <h2>Label popover</h2>
            <dl>
              <div className="help-row"><dt><kbd>1</kbd>…<kbd>9</kbd> <kbd>0</kbd></dt><dd>choose the n-th label shown</dd></div>
              <div className="help-row"><dt>type</dt><dd>filter the labels</dd></div>
              <div className="help-row"><dt><kbd>↑</kbd><kbd>↓</kbd> <kbd>Enter</kbd></dt><dd>move, choose</dd></div>
              <div className="help-row"><dt><kbd>Esc</kbd></dt><dd>cancel (drops a new box)</dd></div>
            </dl>
          </section>
        </div>
        <p className="muted help-foot">Shortcuts do nothing while you type in a field. Press <kbd>?</kbd> to close.</p>
      </div>
    </div>
  );
}

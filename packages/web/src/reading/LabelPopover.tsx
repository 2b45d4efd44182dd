// The label chooser that opens at a box: a search field with the focus, the labels filtered as one types
// (searchLabels), number keys 1-9 and 0 for the first ten shown, arrows and Enter, Escape to cancel, a
// click outside to cancel. Placed beside the anchor and kept inside `bounds`.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { labelShortcut, searchLabels, shortcutIndex } from '../tools/index.js';
import './reading.css';

export interface PopoverLabel {
  name: string;
  definition?: string;
  aliases?: readonly string[];
}

export interface LabelPopoverProps {
  labels: readonly PopoverLabel[];
  colorOf(label: string): string;
  /** Where to open (CSS px in the positioned parent): usually the box's bottom-right corner. */
  anchor: { x: number; y: number };
  /** The positioned parent's size: the popover stays inside it. */
  bounds: { width: number; height: number };
  /** The label the box has (relabelling): highlighted first. */
  current?: string;
  title?: string;
  onChoose(label: string): void;
  onCancel(): void;
}

const WIDTH = 260;
const MAX_HEIGHT = 360;
const GAP = 8;

export function LabelPopover({ labels, colorOf, anchor, bounds, current, title = 'Label', onChoose, onCancel }: LabelPopoverProps) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => searchLabels(labels, query), [labels, query]);
  const [active, setActive] = useState(() => Math.max(0, current === undefined ? 0 : labels.findIndex((l) => l.name === current)));
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [height, setHeight] = useState(MAX_HEIGHT);

  useEffect(() => input.current?.focus({ preventScroll: true }), []);
  useLayoutEffect(() => setHeight(root.current?.offsetHeight ?? MAX_HEIGHT), [shown.length]);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, shown]);

  // A press anywhere else closes it (the press then does what it does).
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (root.current !== null && !root.current.contains(e.target as Node)) cancel.current();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, []);

  const choose = (i: number) => {
    const label = shown[i];
    if (label !== undefined) onChoose(label.name);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = e.ctrlKey || e.metaKey || e.altKey ? -1 : shortcutIndex(e.key);
    const move = (to: number) => {
      e.preventDefault();
      if (shown.length > 0) setActive((to + shown.length) % shown.length);
    };
    if (n >= 0) {
      e.preventDefault();
      choose(n);
    } else if (e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey)) move(active + 1);
    else if (e.key === 'ArrowUp' || (e.key === 'Tab' && e.shiftKey)) move(active - 1);
    else if (e.key === 'Home' && query === '') move(0);
    else if (e.key === 'End' && query === '') move(shown.length - 1);
    else if (e.key === 'Enter') {
      e.preventDefault();
      choose(Math.min(active, shown.length - 1));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
    // Other keys type into the search; none reaches the page's shortcuts (the focus is in a text field).
  };

  // Right of the anchor when it fits, else left; below when it fits, else above; inside the bounds.
  const left = anchor.x + GAP + WIDTH <= bounds.width ? anchor.x + GAP : Math.max(GAP, anchor.x - GAP - WIDTH);
  const top = Math.max(GAP, Math.min(anchor.y + GAP, bounds.height - height - GAP));

  return (
    <div
      ref={root}
      className="label-popover"
      data-testid="label-popover"
      role="dialog"
      aria-label={title}
      style={{ left, top, width: WIDTH, maxHeight: MAX_HEIGHT }}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <div className="label-popover-head">
        <span className="label-popover-title">{title}</span>
        <span className="muted">1–9 0 · ↑↓ ↵ · Esc</span>
      </div>
      <input
        ref={input}
        type="search"
        className="label-popover-search"
        placeholder="Search labels…"
        aria-label="Search labels"
        aria-controls="label-popover-list"
        aria-activedescendant={shown[active] !== undefined ? `label-opt-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      <ul ref={list} id="label-popover-list" className="label-popover-list" role="listbox" aria-label="Labels">
        {shown.map((label, i) => {
          const key = labelShortcut(i);
          return (
            <li
              key={label.name}
              id={`label-opt-${i}`}
              role="option"
              aria-selected={i === active}
              data-testid={`label-option-${label.name}`}
              className={label.name === current ? 'label-option current' : 'label-option'}
              title={label.definition}
              onPointerEnter={() => setActive(i)}
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              <span className="swatch" style={{ background: colorOf(label.name) }} />
              <span className="label-option-name">{label.name}</span>
              {key !== null && <kbd>{key}</kbd>}
            </li>
          );
        })}
        {shown.length === 0 && <li className="label-option empty muted">No label matches “{query}”</li>}
      </ul>
    </div>
  );
}

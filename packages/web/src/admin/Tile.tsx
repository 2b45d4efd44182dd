// A number with its label, for the counts at the top of a tab.
export function Tile({ label, value, tone }: { label: string; value: number | string; tone?: 'warning' | 'ok' | undefined }) {
  return (
    <div className="tile">
      <div className={tone === undefined ? 'tile-value' : `tile-value ${tone}`}>{value}</div>
      <div className="tile-label">{label}</div>
    </div>
  );
}

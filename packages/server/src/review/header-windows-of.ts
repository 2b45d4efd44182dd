// The window presets an image row carries in its header_json ({ windows: [{ name, center, width }], ... }),
// keeping only well-formed ones.
export interface WindowPreset {
  name: string;
  center: number;
  width: number;
}

export function headerWindowsOf(headerJson: string): WindowPreset[] {
  let header: unknown;
  try {
    header = JSON.parse(headerJson);
  } catch {
    return [];
  }
  const windows = typeof header === 'object' && header !== null ? (header as { windows?: unknown }).windows : undefined;
  if (!Array.isArray(windows)) return [];
  return windows.flatMap((w: unknown) => {
    if (typeof w !== 'object' || w === null) return [];
    const { name, center, width } = w as Record<string, unknown>;
    if (typeof name !== 'string' || typeof center !== 'number' || typeof width !== 'number' || !Number.isFinite(center) || !(width > 0)) return [];
    return [{ name, center, width }];
  });
}

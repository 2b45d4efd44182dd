/** VOI LUT Function values (0028,1056). */
export type VoiFunction = 'LINEAR' | 'LINEAR_EXACT' | 'SIGMOID';

/** A window as PS3.3 C.11.2.1.2 defines it; `apply` maps a modality value to [0, 1]. */
export function windowFunction(center: number, width: number, fn: VoiFunction): (x: number) => number {
  switch (fn) {
    case 'LINEAR': {
      const w = Math.max(width, 1) - 1;
      const c = center - 0.5;
      const low = c - w / 2;
      const high = c + w / 2;
      // w = 0 (width 1) is a threshold at the centre.
      return (x) => (x <= low ? 0 : x > high ? 1 : (x - c) / w + 0.5);
    }
    case 'LINEAR_EXACT': {
      const low = center - width / 2;
      const high = center + width / 2;
      return (x) => (x <= low ? 0 : x > high ? 1 : (x - center) / width + 0.5);
    }
    case 'SIGMOID':
      return (x) => 1 / (1 + Math.exp((-4 * (x - center)) / width));
  }
}

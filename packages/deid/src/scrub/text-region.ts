/** A rectangle of one frame, in pixels, that burned-in text was removed from. */
export interface TextRegion {
  /** 0-based frame index. */
  frame: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

// The box tool's tolerances: screen px (scaled by ImagePointerEvent.imagePerScreen) unless said otherwise.

/** How far from a box's border (or a handle) a pointer still hits it. */
export const HIT_TOLERANCE_PX = 6;
/** A pointer that travelled less than this between down and up made a click, not a drag. */
export const CLICK_TOLERANCE_PX = 3;
/** A drawn box narrower or lower than this on screen is a click, not a box. */
export const MIN_DRAWN_BOX_PX = 4;
/** The smallest box side, in image px (resizing stops there; drawing needs it too). */
export const MIN_BOX_SIZE = 1;
/** The default offset of a duplicated box, in image px. */
export const DUPLICATE_OFFSET = 10;

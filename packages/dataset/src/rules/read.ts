// What checkRead looks at: one reader's labels for one image, and the image's size.

/**
 * A box in image pixels (x_max may equal the width). `label` should be one string; an array is
 * accepted only so that data with several labels per box can be checked (it fails unless it holds one).
 */
export interface ReadBox {
  label: string | readonly string[];
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One reader's read of one image: the chosen global labels and the drawn boxes. */
export interface Read {
  globals: readonly string[];
  boxes: readonly ReadBox[];
}

/** The image's width and height in pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

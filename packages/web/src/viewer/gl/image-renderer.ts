// The image layer: a WebGL2 context on a canvas, the windowing program, and the GPU copies of the shown and the
// preloaded images. Draws one frame on request (the engine decides when: rAF-coalesced, only on change).
import { levelFor } from '../pixel-levels.js';
import { sampleWindow } from '../voi-lut.js';
import type { BoxOutlines, PixelImage, ViewState } from '../types.js';
import { BoxRenderer } from './box-renderer.js';
import { clearRects } from './clear-rects.js';
import { createProgram, WebGLSetupError } from './gl-program.js';
import { allocateTextures, deleteTextures, isComplete, uploadLevel, uploadSome, type ImageTextures, type LevelTexture } from './image-textures.js';
import { FRAGMENT_SHADER, VERTEX_SHADER } from './shaders.js';

interface Uniforms {
  rect: WebGLUniformLocation | null;
  tex: WebGLUniformLocation | null;
  size: WebGLUniformLocation | null;
  map: WebGLUniformLocation | null;
  canvasH: WebGLUniformLocation | null;
  lower: WebGLUniformLocation | null;
  span: WebGLUniformLocation | null;
  invert: WebGLUniformLocation | null;
}

export interface DrawParams {
  image: PixelImage;
  view: ViewState;
  /** The canvas's CSS size (the drawing buffer's size is the canvas's width/height attributes). */
  cssWidth: number;
  cssHeight: number;
}

export class ImageRenderer {
  readonly gl: WebGL2RenderingContext;
  #program!: WebGLProgram;
  #vao!: WebGLVertexArrayObject;
  #u!: Uniforms;
  /** A 1x1 offscreen target for warm-up draws. */
  #warmTarget!: WebGLFramebuffer;
  #warmTexture!: WebGLTexture;
  /** GPU copies by image id, least recently used first (the engine trims it to the shown, preloaded and last images). */
  readonly #sets = new Map<number, ImageTextures>();
  #boxes!: BoxRenderer;
  #outlines: BoxOutlines | null = null;
  #lost = false;
  readonly #pixel = new Uint8Array(4);

  constructor(readonly canvas: HTMLCanvasElement) {
    const gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: false, preserveDrawingBuffer: false, powerPreference: 'high-performance' });
    if (!gl) throw new WebGLSetupError('this browser has no WebGL2: the image cannot be shown');
    this.gl = gl;
    this.#setup();
  }

  #setup(): void {
    const gl = this.gl;
    this.#program = createProgram(gl, VERTEX_SHADER, FRAGMENT_SHADER);
    const p = this.#program;
    const at = (name: string) => gl.getUniformLocation(p, name);
    this.#u = { rect: at('u_rect'), tex: at('u_tex'), size: at('u_size'), map: at('u_map'), canvasH: at('u_canvasH'), lower: at('u_lower'), span: at('u_span'), invert: at('u_invert') };
    this.#vao = gl.createVertexArray()!;
    gl.bindVertexArray(this.#vao);
    const buffer = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
    const loc = gl.getAttribLocation(p, 'a_corner');
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
    gl.bindVertexArray(null);
    this.#warmTexture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, this.#warmTexture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, 1, 1);
    this.#warmTarget = gl.createFramebuffer()!;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.#warmTarget);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.#warmTexture, 0);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.#boxes = new BoxRenderer(gl);
    this.#boxes.set(this.#outlines);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.BLEND);
    gl.clearColor(0, 0, 0, 1);
  }

  /** After webglcontextrestored: programs and textures are gone; textures come back on the next draw. */
  restore(): void {
    this.#lost = false;
    this.#sets.clear();
    this.#setup();
  }

  markLost(): void {
    this.#lost = true;
  }

  get lost(): boolean {
    return this.#lost || this.gl.isContextLost();
  }

  /** True when the image is entirely on the GPU. */
  has(imageId: number, image?: PixelImage): boolean {
    const set = this.#sets.get(imageId);
    return set !== undefined && (image === undefined || set.image === image) && isComplete(set) && set.levels.every((l) => l.warm);
  }

  /** The image's textures (allocated when new), now the most recently used. */
  #set(image: PixelImage): ImageTextures {
    let set = this.#sets.get(image.id);
    if (set && set.image !== image) {
      deleteTextures(this.gl, set);
      set = undefined;
    }
    if (!set) set = allocateTextures(this.gl, image);
    this.#sets.delete(image.id);
    this.#sets.set(image.id, set);
    return set;
  }

  /**
   * Uploads up to `maxSamples` more of an image (idle time: the rest of the shown one, a preload), and draws once
   * from each level that became complete into a 1x1 offscreen target, so that the GPU copies the staged data now
   * rather than in the frame that first shows it. True when the image is on the GPU.
   */
  uploadStep(image: PixelImage, maxSamples: number): boolean {
    if (this.lost) return false;
    const set = this.#set(image);
    const done = uploadSome(this.gl, set, maxSamples);
    for (const level of set.levels) if (level.rows >= level.height && !level.warm) this.#warm(image, level);
    return done;
  }

  #warm(image: PixelImage, level: LevelTexture): void {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.#warmTarget);
    gl.viewport(0, 0, 1, 1);
    this.#drawLevel(image, level, { window: { center: 0, width: 1 }, invert: false, viewport: { scale: 1, x: 0, y: 0 } }, 1, 1, 1, 1);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    level.warm = true;
  }

  /** Keeps the `max` most recently used images' textures (never the `keep` ones), frees the rest. */
  trim(max: number, keep: readonly number[]): void {
    let extra = this.#sets.size - max;
    for (const [id, set] of this.#sets) {
      if (extra <= 0) break;
      if (keep.includes(id)) continue;
      deleteTextures(this.gl, set);
      this.#sets.delete(id);
      extra--;
    }
  }

  /** The box outlines drawn over the image (a new object re-uploads their buffer; null: none). */
  setBoxes(outlines: BoxOutlines | null): void {
    this.#outlines = outlines;
    if (!this.lost) this.#boxes.set(outlines);
  }

  clear(): void {
    const gl = this.gl;
    if (this.lost) return;
    gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.clear(gl.COLOR_BUFFER_BIT);
  }

  /** Draws the image (uploading the level it needs first); false when it cannot (context lost). */
  draw({ image, view, cssWidth, cssHeight }: DrawParams): boolean {
    const gl = this.gl;
    if (this.lost || cssWidth <= 0 || cssHeight <= 0) return false;
    const set = this.#set(image);
    const W = gl.drawingBufferWidth;
    const H = gl.drawingBufferHeight;
    const kx = W / cssWidth;
    const ky = H / cssHeight;
    // the level this scale wants (the finest the GPU holds when that one is too large); only it must be on the
    // GPU now: the others follow in idle time (uploadStep), so a first frame at fit uploads a quarter of the image
    const want = levelFor(view.viewport.scale * kx, image.levels ?? []);
    const factor = want === 0 ? 1 : image.levels![want - 1]!.factor;
    const level = set.levels.find((l) => l.factor === factor) ?? set.levels[0];
    gl.viewport(0, 0, W, H);
    if (!level) {
      gl.clear(gl.COLOR_BUFFER_BIT);
      return false;
    }
    // clear only around the image (the draw covers its rectangle): on software GL a full clear costs as much as
    // the windowing pass itself
    const { scale, x, y } = view.viewport;
    const strips = clearRects(W, H, x * kx, y * ky, (x + image.width * scale) * kx, (y + image.height * scale) * ky);
    if (strips.length > 0) {
      gl.enable(gl.SCISSOR_TEST);
      for (const r of strips) {
        gl.scissor(r.x, r.y, r.width, r.height);
        gl.clear(gl.COLOR_BUFFER_BIT);
      }
      gl.disable(gl.SCISSOR_TEST);
    }
    uploadLevel(gl, level);
    level.warm = true;
    this.#drawLevel(image, level, view, W, H, kx, ky);
    this.#boxes.draw(view, W, H, kx, ky);
    return true;
  }

  /** One draw of the image rectangle from `level` into the bound target (W x H device px, k device px per CSS px). */
  #drawLevel(image: PixelImage, level: LevelTexture, view: ViewState, W: number, H: number, kx: number, ky: number): void {
    const gl = this.gl;
    const u = this.#u;
    const { scale, x, y } = view.viewport;
    gl.useProgram(this.#program);
    gl.bindVertexArray(this.#vao);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, level.texture);
    gl.uniform1i(u.tex, 0);
    // the image rectangle in clip space (y up)
    const x0 = (x * kx) / W;
    const x1 = ((x + image.width * scale) * kx) / W;
    const y0 = (y * ky) / H;
    const y1 = ((y + image.height * scale) * ky) / H;
    gl.uniform4f(u.rect, x0 * 2 - 1, 1 - y0 * 2, x1 * 2 - 1, 1 - y1 * 2);
    gl.uniform2i(u.size, level.width, level.height);
    // texel = ((device / k) - origin) / scale / factor
    const f = level.factor;
    gl.uniform4f(u.map, 1 / (kx * scale * f), -x / (scale * f), 1 / (ky * scale * f), -y / (scale * f));
    gl.uniform1f(u.canvasH, H);
    const sw = sampleWindow(view.window, image.offset);
    gl.uniform1f(u.lower, sw.lower);
    gl.uniform1f(u.span, sw.span);
    gl.uniform1i(u.invert, image.monochrome1 !== view.invert ? 1 : 0);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.bindVertexArray(null);
  }

  /**
   * Blocks until the GPU has finished the frame, for the performance marks (called only for frames that carry
   * one: the first of an image, a window change): a 1-pixel readPixels. Chrome's gl.finish() does not wait for
   * the GPU (headless Chromium/SwiftShader: 0.05 ms for a 1920x1040 clear + finish, 10.5 ms for the same clear +
   * a 1-pixel readPixels). A fence polled from later tasks does not block, but Chrome updates a fence's status
   * only after extra IPC round trips and behind the compositor's work: on SwiftShader it reported W/L frames 3-4x
   * later than this (median 400-500 ms against 110-140 ms), and letting frames queue behind it added up to
   * seconds of lag. On a hardware GPU this blocks for the draw's GPU time (well under a millisecond).
   */
  sync(): void {
    if (!this.lost) this.gl.readPixels(0, 0, 1, 1, this.gl.RGBA, this.gl.UNSIGNED_BYTE, this.#pixel);
  }

  dispose(): void {
    for (const set of this.#sets.values()) deleteTextures(this.gl, set);
    this.#sets.clear();
    if (!this.gl.isContextLost()) {
      this.gl.deleteProgram(this.#program);
      this.gl.deleteVertexArray(this.#vao);
      this.gl.deleteFramebuffer(this.#warmTarget);
      this.gl.deleteTexture(this.#warmTexture);
      this.#boxes.dispose();
    }
  }
}

// Box outlines in the image pass: the buffer of box-lines.ts, stroked with the image's view (two draws: the
// dark halo, then the colours). Shares the image renderer's WebGL2 context.
import type { BoxOutlines, ViewState } from '../types.js';
import { createProgram } from './gl-program.js';
import { buildBoxLines, VERTEX_BYTES, VERTICES_PER_BOX } from './box-lines.js';

const VERTEX = `#version 300 es
in vec2 a_pos;     // image px
in vec2 a_sign;    // extrusion: -1 or 1 per axis, times the half width in CSS px
in vec4 a_color;
uniform vec4 u_view;   // scale (CSS px per image px), origin x, origin y (CSS px), half width (CSS px)
uniform vec4 u_target; // device px per CSS px (x, y), drawing buffer size (W, H)
uniform vec4 u_halo;   // when alpha > 0: every line in this colour
out vec4 v_color;
void main() {
  vec2 css = u_view.yz + a_pos * u_view.x + a_sign * u_view.w;
  vec2 dev = css * u_target.xy;
  gl_Position = vec4(dev.x / u_target.z * 2.0 - 1.0, 1.0 - dev.y / u_target.w * 2.0, 0.0, 1.0);
  v_color = u_halo.a > 0.0 ? u_halo : a_color;
}
`;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec4 v_color;
out vec4 outColor;
void main() { outColor = v_color; }
`;

const HALO: readonly [number, number, number, number] = [0, 0, 0, 0.55];

export class BoxRenderer {
  readonly #gl: WebGL2RenderingContext;
  readonly #program: WebGLProgram;
  readonly #vao: WebGLVertexArrayObject;
  readonly #buffer: WebGLBuffer;
  readonly #u: { view: WebGLUniformLocation | null; target: WebGLUniformLocation | null; halo: WebGLUniformLocation | null };
  #outlines: BoxOutlines | null = null;
  #count = 0;

  constructor(gl: WebGL2RenderingContext) {
    this.#gl = gl;
    const p = (this.#program = createProgram(gl, VERTEX, FRAGMENT));
    this.#u = { view: gl.getUniformLocation(p, 'u_view'), target: gl.getUniformLocation(p, 'u_target'), halo: gl.getUniformLocation(p, 'u_halo') };
    this.#vao = gl.createVertexArray()!;
    this.#buffer = gl.createBuffer()!;
    gl.bindVertexArray(this.#vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#buffer);
    const attr = (name: string, size: number, type: number, normalized: boolean, offset: number) => {
      const loc = gl.getAttribLocation(p, name);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, type, normalized, VERTEX_BYTES, offset);
    };
    attr('a_pos', 2, gl.FLOAT, false, 0);
    attr('a_sign', 2, gl.BYTE, false, 8);
    attr('a_color', 4, gl.UNSIGNED_BYTE, true, 12);
    gl.bindVertexArray(null);
  }

  /** Replaces the outlines (uploads a new buffer only when the object changed). */
  set(outlines: BoxOutlines | null): void {
    if (outlines === this.#outlines) return;
    this.#outlines = outlines;
    const boxes = outlines?.boxes ?? [];
    this.#count = boxes.length * VERTICES_PER_BOX;
    const gl = this.#gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#buffer);
    gl.bufferData(gl.ARRAY_BUFFER, boxes.length > 0 ? buildBoxLines(boxes) : new ArrayBuffer(0), gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  /** Strokes the outlines into the bound target (W x H device px, k device px per CSS px). */
  draw(view: ViewState, W: number, H: number, kx: number, ky: number): void {
    if (this.#count === 0 || !this.#outlines) return;
    const gl = this.#gl;
    const { scale, x, y } = view.viewport;
    const lineWidth = this.#outlines.lineWidth ?? 1.5;
    gl.useProgram(this.#program);
    gl.bindVertexArray(this.#vao);
    gl.uniform4f(this.#u.target, kx, ky, W, H);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
    if (this.#outlines.halo ?? true) {
      gl.uniform4f(this.#u.view, scale, x, y, (lineWidth + 2) / 2);
      gl.uniform4f(this.#u.halo, ...HALO);
      gl.drawArrays(gl.TRIANGLES, 0, this.#count);
    }
    gl.uniform4f(this.#u.view, scale, x, y, lineWidth / 2);
    gl.uniform4f(this.#u.halo, 0, 0, 0, 0);
    gl.drawArrays(gl.TRIANGLES, 0, this.#count);
    gl.disable(gl.BLEND);
    gl.bindVertexArray(null);
  }

  dispose(): void {
    const gl = this.#gl;
    if (gl.isContextLost()) return;
    gl.deleteProgram(this.#program);
    gl.deleteVertexArray(this.#vao);
    gl.deleteBuffer(this.#buffer);
  }
}

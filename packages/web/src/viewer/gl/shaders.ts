// The image layer's shaders (GLSL ES 3.00). The vertex shader draws the image's screen rectangle; the fragment
// shader maps its device pixel back to the image, interpolates the raw uint16 samples bilinearly from 4
// texelFetch reads of an R16UI texture (the image, or a box-averaged level when zoomed out: pixel-levels.ts),
// and windows the result with PS3.3's linear VOI function (voi-lut.ts: y = clamp((s - lower) / span, 0, 1),
// a threshold when span = 0), inverted for MONOCHROME1 xor the user's invert.

export const VERTEX_SHADER = `#version 300 es
in vec2 a_corner;        // (0,0) .. (1,1): the image rectangle's corners
uniform vec4 u_rect;      // the image rectangle in clip space: x0, y0, x1, y1
void main() {
  gl_Position = vec4(mix(u_rect.xy, u_rect.zw, a_corner), 0.0, 1.0);
}
`;

export const FRAGMENT_SHADER = `#version 300 es
precision highp float;
precision highp int;
precision highp usampler2D;

uniform usampler2D u_tex;
uniform ivec2 u_size;     // texels of the bound level
uniform vec4 u_map;       // texel = (fx * ax + bx, (canvasH - fy) * ay + by) for the device pixel centre (fx, fy)
uniform float u_canvasH;  // device px
uniform float u_lower;    // window in sample units (sample = modality + offset)
uniform float u_span;
uniform bool u_invert;
out vec4 outColor;

float sampleAt(ivec2 p) {
  return float(texelFetch(u_tex, clamp(p, ivec2(0), u_size - 1), 0).r);
}

void main() {
  vec2 t = vec2(gl_FragCoord.x * u_map.x + u_map.y, (u_canvasH - gl_FragCoord.y) * u_map.z + u_map.w);
  vec2 p = t - 0.5;                 // texel centres sit at integer + 0.5
  vec2 f = fract(p);
  ivec2 i = ivec2(floor(p));
  float s = mix(mix(sampleAt(i), sampleAt(i + ivec2(1, 0)), f.x),
                mix(sampleAt(i + ivec2(0, 1)), sampleAt(i + ivec2(1, 1)), f.x), f.y);
  float y = u_span > 0.0 ? clamp((s - u_lower) / u_span, 0.0, 1.0) : (s > u_lower ? 1.0 : 0.0);
  if (u_invert) y = 1.0 - y;
  outColor = vec4(y, y, y, 1.0);
}
`;

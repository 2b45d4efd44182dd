/*
 * Native CharLS reference for `npm run bench:imaging`: decodes one raw JPEG-LS codestream (.jls)
 * from memory `runs` times through CharLS's C API (Debian's libcharls-dev) and prints one JSON
 * line: the wall time of every decode in ms. Only charls_jpegls_decoder_* calls are timed (the
 * codestream is read into memory first; the output buffer is allocated once, as a caller reusing
 * it would). Build: gcc -O2 charls_decode.c -lcharls -o charls_decode
 * Usage: charls_decode FILE.jls RUNS
 */
#include <charls/charls.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s FILE.jls RUNS\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *src = malloc((size_t)size);
  if (!src || fread(src, 1, (size_t)size, f) != (size_t)size) { fprintf(stderr, "read failed\n"); return 1; }
  fclose(f);
  int runs = atoi(argv[2]);
  void *dst = NULL;
  size_t dst_size = 0;
  charls_frame_info info = {0};
  printf("{\"tool\":\"CharLS %s\",\"ms\":[", charls_get_version_string());
  for (int r = 0; r < runs; r++) {
    double t0 = now_ms();
    charls_jpegls_decoder *d = charls_jpegls_decoder_create();
    charls_jpegls_errc e = charls_jpegls_decoder_set_source_buffer(d, src, (size_t)size);
    if (!e) e = charls_jpegls_decoder_read_header(d);
    if (!e) e = charls_jpegls_decoder_get_frame_info(d, &info);
    size_t need = 0;
    if (!e) e = charls_jpegls_decoder_get_destination_size(d, 0, &need);
    if (!e && need > dst_size) {
      free(dst);
      dst = malloc(need);
      dst_size = need;
    }
    if (!e) e = charls_jpegls_decoder_decode_to_buffer(d, dst, dst_size, 0);
    charls_jpegls_decoder_destroy(d);
    double t1 = now_ms();
    if (e) { fprintf(stderr, "CharLS error %d: %s\n", (int)e, charls_get_error_message(e)); return 1; }
    printf("%s%.3f", r ? "," : "", t1 - t0);
  }
  printf("],\"width\":%u,\"height\":%u,\"bits\":%d,\"components\":%d}\n", info.width, info.height, info.bits_per_sample, info.component_count);
  free(dst);
  free(src);
  return 0;
}

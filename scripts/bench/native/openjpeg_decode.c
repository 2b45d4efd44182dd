/*
 * Native OpenJPEG reference for `npm run bench:imaging`: decodes one raw JPEG 2000 codestream
 * (.j2k) from memory `runs` times through libopenjp2 (Debian's libopenjp2-7-dev) on ONE thread
 * (opj_codec_set_threads(codec, 1), as the WebAssembly build runs) and prints one JSON line: the
 * wall time of every decode in ms (codec setup, header, opj_decode, opj_end_decompress; the
 * codestream is read into memory first and nothing is written). This is the in-process
 * counterpart of `opj_decompress -threads 1`, without process start, file reading or output.
 * Build: gcc -O2 openjpeg_decode.c $(pkg-config --cflags --libs libopenjp2) -o openjpeg_decode
 * Usage: openjpeg_decode FILE.j2k RUNS
 */
#include <openjpeg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { const unsigned char *data; OPJ_SIZE_T size, at; } memory_stream;

static OPJ_SIZE_T read_fn(void *out, OPJ_SIZE_T n, void *user) {
  memory_stream *m = user;
  if (m->at >= m->size) return (OPJ_SIZE_T)-1;
  if (n > m->size - m->at) n = m->size - m->at;
  memcpy(out, m->data + m->at, n);
  m->at += n;
  return n;
}
static OPJ_OFF_T skip_fn(OPJ_OFF_T n, void *user) {
  memory_stream *m = user;
  if (n < 0 || (OPJ_SIZE_T)n > m->size - m->at) n = (OPJ_OFF_T)(m->size - m->at);
  m->at += (OPJ_SIZE_T)n;
  return n;
}
static OPJ_BOOL seek_fn(OPJ_OFF_T n, void *user) {
  memory_stream *m = user;
  if (n < 0 || (OPJ_SIZE_T)n > m->size) return OPJ_FALSE;
  m->at = (OPJ_SIZE_T)n;
  return OPJ_TRUE;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s FILE.j2k RUNS\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *src = malloc((size_t)size);
  if (!src || fread(src, 1, (size_t)size, f) != (size_t)size) { fprintf(stderr, "read failed\n"); return 1; }
  fclose(f);
  int runs = atoi(argv[2]);
  unsigned w = 0, h = 0, prec = 0, comps = 0;
  printf("{\"tool\":\"OpenJPEG %s\",\"ms\":[", opj_version());
  for (int r = 0; r < runs; r++) {
    double t0 = now_ms();
    memory_stream m = { src, (OPJ_SIZE_T)size, 0 };
    opj_stream_t *stream = opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE);
    opj_stream_set_user_data(stream, &m, NULL);
    opj_stream_set_user_data_length(stream, (OPJ_UINT64)size);
    opj_stream_set_read_function(stream, read_fn);
    opj_stream_set_skip_function(stream, skip_fn);
    opj_stream_set_seek_function(stream, seek_fn);
    opj_codec_t *codec = opj_create_decompress(OPJ_CODEC_J2K);
    opj_dparameters_t params;
    opj_set_default_decoder_parameters(&params);
    opj_image_t *image = NULL;
    int ok = opj_setup_decoder(codec, &params) && opj_codec_set_threads(codec, 1)
      && opj_read_header(stream, codec, &image) && opj_decode(codec, stream, image)
      && opj_end_decompress(codec, stream);
    double t1 = now_ms();
    if (!ok) { fprintf(stderr, "OpenJPEG could not decode %s\n", argv[1]); return 1; }
    w = image->comps[0].w; h = image->comps[0].h; prec = image->comps[0].prec; comps = image->numcomps;
    opj_image_destroy(image);
    opj_destroy_codec(codec);
    opj_stream_destroy(stream);
    printf("%s%.3f", r ? "," : "", t1 - t0);
  }
  printf("],\"width\":%u,\"height\":%u,\"bits\":%u,\"components\":%u}\n", w, h, prec, comps);
  free(src);
  return 0;
}

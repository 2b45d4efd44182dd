import type { PixelCodec } from './codec.js';
import { charlsCodec } from './charls.js';
import { dcmtkJpegCodec } from './dcmtk-jpeg.js';
import { libjpegTurboCodec } from './libjpeg-turbo.js';
import { openJpegCodec } from './openjpeg.js';
import { openJphCodec } from './openjph.js';
import { rleCodec } from './rle.js';

/** Codecs in the order they are tried for a transfer syntax. */
const codecs: PixelCodec[] = [rleCodec, libjpegTurboCodec, dcmtkJpegCodec, charlsCodec, openJphCodec, openJpegCodec];
const ready = new WeakSet<PixelCodec>();

/** Adds a codec, ahead of the built-in ones for its transfer syntaxes (`first`) or after them. */
export function registerCodec(codec: PixelCodec, options: { first?: boolean } = {}): void {
  if (options.first) codecs.unshift(codec);
  else codecs.push(codec);
}

/** The codecs that handle a transfer syntax, in the order they are tried. */
export function codecsFor(transferSyntaxUID: string): PixelCodec[] {
  return codecs.filter((c) => c.transferSyntaxes.includes(transferSyntaxUID));
}

/** Every transfer syntax some codec decodes. */
export function compressedTransferSyntaxes(): string[] {
  return [...new Set(codecs.flatMap((c) => c.transferSyntaxes))];
}

/** Loads the WebAssembly of the codecs for these transfer syntaxes (all when none are named). */
export async function initCodecs(transferSyntaxUIDs?: string[]): Promise<void> {
  const wanted = transferSyntaxUIDs ? codecs.filter((c) => c.transferSyntaxes.some((t) => transferSyntaxUIDs.includes(t))) : codecs;
  await Promise.all(wanted.map(async (c) => {
    if (ready.has(c)) return;
    await c.init?.();
    ready.add(c);
  }));
}

export function isCodecReady(codec: PixelCodec): boolean {
  return codec.init === undefined || ready.has(codec);
}

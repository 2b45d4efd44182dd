import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Loads an Emscripten module factory from a package entry (the cornerstone codecs are CommonJS). */
export async function loadEmscripten<T>(specifier: string): Promise<T> {
  const factory = require(specifier) as (options?: object) => Promise<T>;
  // Emscripten prints OpenJPEG's [INFO] lines through `print`; keep them off stdout.
  return factory({ print: () => {}, printErr: () => {} });
}

export { require as requireCjs };

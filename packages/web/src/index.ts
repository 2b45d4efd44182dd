// @cxrlab/web on the Node side: where the built browser app lies, for `cxrlab serve` to serve it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder `vite build` writes (packages/web/bundle/). */
export const webBundleDir = fileURLToPath(new URL('../bundle/', import.meta.url));

/** True when the app has been built (`npm run build`). */
export const webBundleBuilt = (): boolean => existsSync(`${webBundleDir}index.html`);

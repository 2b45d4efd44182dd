// The browser app's build: `vite build` writes bundle/ (served by `cxrlab serve`); `vite` serves it in
// development with /api proxied to a running `cxrlab serve` (CXRLAB_API, default http://localhost:8080).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'bundle', emptyOutDir: true, sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/api': process.env.CXRLAB_API ?? 'http://localhost:8080' } },
});

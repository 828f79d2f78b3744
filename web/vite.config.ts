import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // The server's response shapes (`src/<module>/<module>.schema.ts`), imported as types only.
  resolve: { alias: { '@jaring': path.join(root, '..', 'src') } },
  // Source maps beside the chunks: errors reported from an office PC point at the real source.
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

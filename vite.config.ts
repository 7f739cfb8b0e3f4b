// Builds the renderer (React + ProseMirror) into dist/renderer, loaded by both hosts.
import { defineConfig } from 'vite';
import path from 'node:path';

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    minify: process.env.GLOSS_NO_MINIFY ? false : 'esbuild',
    chunkSizeWarningLimit: 2000,
  },
  logLevel: 'warn',
});

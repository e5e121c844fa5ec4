import { defineConfig } from 'vitest/config';

// The dashboard is built into the host's web root (BILLING_DASHBOARD_OUT, set
// by CMake) or into dist/ by hand. `npm run dev` proxies the API to a host on
// port 8080 so the page can be worked on with live reload.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: process.env.BILLING_DASHBOARD_OUT ?? 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
      '/tv': { target: 'http://127.0.0.1:8080' },
      '/plugin-web': { target: 'http://127.0.0.1:8080' },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});

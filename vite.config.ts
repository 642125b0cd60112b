import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { basemapPlugin } from './src/web/features/basemap/vite-plugin.js';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

/** The web app: built from src/web into dist/web, which the API server serves with an SPA fallback. */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [
    react(),
    basemapPlugin({
      sharedDataDir: process.env.TRYGG_SHARED_DATA ?? resolve(projectRoot, '../shared/data'),
      cacheDir: resolve(projectRoot, 'node_modules/.cache/trygg-basemap'),
    }),
  ],
  build: {
    outDir: `${projectRoot}dist/web`,
    emptyOutDir: true,
    // The build is served publicly: source maps would hand out the source. The dev server has its own.
    sourcemap: false,
    // Everything is bundled: the app must work without any network beyond its own server.
    assetsInlineLimit: 4096,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
            },
            { name: 'map', test: /node_modules[\\/](leaflet|h3-js)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/open311': { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/open311': { target: api, changeOrigin: false },
    },
  },
});

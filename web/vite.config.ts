import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development (`vite`), API calls go to the API on :4000; in production the API serves this build.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 800 },
});

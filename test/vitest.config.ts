import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Resolve workspace packages to their TypeScript sources, so tests never need a build. */
const alias = {
  '@chainmap/graph': `${root}graph/src/index.ts`,
  '@chainmap/seed': `${root}seed/src/index.ts`,
  '@chainmap/server': `${root}server/src/index.ts`,
  // Node resolves `graphql` to its CommonJS build (graphql 16 has no `exports`), and so do the
  // libraries vitest leaves to Node (type-graphql, Apollo); Vite would pick `index.mjs` for our
  // sources. Two copies of graphql break `instanceof` checks (schemas, GraphQLError), so pin ours
  // to the one Node loads.
  graphql: `${root}node_modules/graphql/index.js`,
};

// SWC (not esbuild) transforms the sources so that decorator metadata, which type-graphql
// reads, is emitted under vitest exactly as tsc emits it.
const plugins = [swc.vite({ jsc: { target: 'es2022' }, module: { type: 'es6' } })];

export default defineConfig({
  root,
  plugins,
  resolve: { alias, dedupe: ['graphql'] },
  test: {
    projects: [
      {
        plugins,
        resolve: { alias, dedupe: ['graphql'] },
        test: {
          name: 'unit',
          root,
          include: ['{graph,seed,server}/src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
        },
      },
      {
        plugins,
        resolve: { alias, dedupe: ['graphql'] },
        test: {
          name: 'int',
          root,
          include: ['{graph,seed,server}/src/**/*.int.test.ts', 'test/int/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // Faults: each file runs its own Neo4j, which it stops and starts (test/faults).
        plugins,
        resolve: { alias, dedupe: ['graphql'] },
        test: {
          name: 'faults',
          root,
          include: ['test/faults/**/*.fault.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // The explorer's component tests: React in jsdom, no server.
        plugins: [react()],
        test: {
          name: 'web',
          root,
          environment: 'jsdom',
          include: ['web/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        // The explorer end to end: a fresh Neo4j with the default seed, the API serving web/dist,
        // and Debian's chromium driven by playwright-core (test/e2e/README.md).
        plugins,
        resolve: { alias, dedupe: ['graphql'] },
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

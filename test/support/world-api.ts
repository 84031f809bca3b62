import { startTestApi, type TestApi } from './api.js';
import { openTestDb, type TestDb } from './db.js';
import type { TestUserName } from './users.js';
import { buildWorld } from './world.js';

/** A fresh graph holding the test world (world.ts) and the real API over it. */
export interface World {
  db: TestDb;
  api: TestApi;
  close(): Promise<void>;
}

/**
 * Empty the run's graph, build the test world in it and start the API (requests as `opts.as`,
 * default the ADMIN test user). For a suite's `beforeAll`; `close` in its `afterAll`.
 */
export async function openWorld(opts: { as?: TestUserName | null } = {}): Promise<World> {
  const db = await openTestDb();
  await db.reset();
  await buildWorld(db.executor);
  const api = await startTestApi({}, opts);
  return {
    db,
    api,
    async close() {
      await api.stop();
      await db.close();
    },
  };
}

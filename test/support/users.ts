import { cypher, type Config, type Executor } from '@chainmap/graph';
import { authSettings, hashPassword, issueToken, type Role } from '@chainmap/server';

/** The users of the test world: one per role, and a city office of another province. */
export interface TestUser {
  id: string;
  username: string;
  role: Role;
  regionCode: string | null;
  chainIds: string[];
}

export const TEST_USERS = {
  /** Everything. */
  admin: { id: 't-admin', username: 't-admin', role: 'ADMIN', regionCode: null, chainIds: [] },
  /** 咸宁市招商办: everything within 咸宁. */
  xianning: {
    id: 't-xianning',
    username: 't-xianning',
    role: 'CITY_OFFICE',
    regionCode: '421200',
    chainIds: [],
  },
  /** 咸宁 新能源汽车 task force: nev's libraries, projects and people within 咸宁. */
  xnNev: {
    id: 't-xn-nev',
    username: 't-xn-nev',
    role: 'TASK_FORCE',
    regionCode: '421200',
    chainIds: ['nev'],
  },
  /** 咸宁 绿色包装 task force. */
  xnPack: {
    id: 't-xn-pack',
    username: 't-xn-pack',
    role: 'TASK_FORCE',
    regionCode: '421200',
    chainIds: ['pack'],
  },
  /** 嘉鱼县 (a county of 咸宁) office: only its own county. */
  jiayu: { id: 't-jiayu', username: 't-jiayu', role: 'CITY_OFFICE', regionCode: '421221', chainIds: [] },
  /** 汉中市招商办: another province's city. */
  hanzhong: {
    id: 't-hanzhong',
    username: 't-hanzhong',
    role: 'CITY_OFFICE',
    regionCode: '610700',
    chainIds: [],
  },
  /** Reads 湖北, changes nothing. */
  analyst: { id: 't-analyst', username: 't-analyst', role: 'ANALYST', regionCode: '420000', chainIds: [] },
} as const satisfies Record<string, TestUser>;
export type TestUserName = keyof typeof TEST_USERS;

/** Every test user's password. */
export const TEST_PASSWORD = 'test-password-1';

const upsertUsersQ = cypher(
  'testUsers',
  `UNWIND $rows AS row
   MERGE (u:User {id: row.id})
   SET u.username = row.username, u.role = row.role, u.regionCode = row.regionCode,
       u.chainIds = row.chainIds, u.passwordHash = row.passwordHash, u.active = true,
       u.displayName = row.username`,
);

let passwordHash: Promise<string> | undefined;

/** Create (or reset) the test users in the graph. */
export async function ensureTestUsers(executor: Executor): Promise<void> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  await executor.write(upsertUsersQ, {
    rows: Object.values(TEST_USERS).map((u) => ({ ...u, chainIds: [...u.chainIds], passwordHash: hash })),
  });
}

/** A valid token for a test user, signed as the API under `config` signs them. */
export async function tokenFor(config: Config, user: TestUserName | TestUser): Promise<string> {
  const u = typeof user === 'string' ? TEST_USERS[user] : user;
  const { token } = await issueToken(authSettings(config).tokens, u);
  return token;
}

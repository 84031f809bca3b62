import { cypher, type Executor } from '@chainmap/graph';
import { hash } from '@node-rs/argon2';

/** A user to create: role ADMIN, CITY_OFFICE, TASK_FORCE or ANALYST, scoped to a region. */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: 'ADMIN' | 'CITY_OFFICE' | 'TASK_FORCE' | 'ANALYST';
  regionCode: string | null;
  chainIds: string[];
  password: string;
}

/**
 * DEVELOPMENT ONLY: one user per role for the seed places, with passwords written here, in the
 * README and printed by `npm start`. Never create them on a server anyone else can reach.
 */
export const DEV_USERS: readonly UserRow[] = [
  {
    id: 'u-admin',
    username: 'admin',
    displayName: '系统管理员',
    role: 'ADMIN',
    regionCode: null,
    chainIds: [],
    password: 'admin-dev-2026',
  },
  {
    id: 'u-xianning',
    username: 'xianning',
    displayName: '咸宁市招商办',
    role: 'CITY_OFFICE',
    regionCode: '421200',
    chainIds: [],
    password: 'xianning-dev-2026',
  },
  {
    id: 'u-xianning-health',
    username: 'xianning-health',
    displayName: '咸宁市大健康产业链招商专班',
    role: 'TASK_FORCE',
    regionCode: '421200',
    chainIds: ['health'],
    password: 'health-dev-2026',
  },
  {
    id: 'u-chibi-nev',
    username: 'chibi-nev',
    displayName: '赤壁市新能源汽车零部件产业链招商专班',
    role: 'TASK_FORCE',
    regionCode: '421281',
    chainIds: ['nev'],
    password: 'chibi-dev-2026',
  },
  {
    id: 'u-analyst',
    username: 'analyst',
    displayName: '湖北省产业分析员',
    role: 'ANALYST',
    regionCode: '420000',
    chainIds: [],
    password: 'analyst-dev-2026',
  },
];

// writeUsers: create the users that do not exist yet (an existing user, and a password changed
// since, is left alone); returns the user names created.
export const writeUsersQ = cypher(
  'writeUsers',
  `UNWIND $rows AS row
   OPTIONAL MATCH (existing:User {username: row.username})
   WITH row, existing WHERE existing IS NULL
   CREATE (u:User {id: row.id, username: row.username, displayName: row.displayName, role: row.role,
                   regionCode: row.regionCode, chainIds: row.chainIds, passwordHash: row.passwordHash,
                   active: true, createdAt: datetime()})
   RETURN u.username AS username`,
);

/** Create the users that are missing (by user name), with argon2id password hashes. */
export async function writeUsers(executor: Executor, users: readonly UserRow[]): Promise<string[]> {
  const rows = await Promise.all(
    users.map(async ({ password, ...u }) => ({
      ...u,
      username: u.username.toLowerCase(),
      passwordHash: await hash(password),
    })),
  );
  const created = await executor.write(writeUsersQ, { rows });
  return created.map((r) => r.username as string);
}

/** The development users as a table for the terminal, with the warning that goes with them. */
export function devUsersTable(users: readonly UserRow[] = DEV_USERS): string {
  const lines = users.map(
    (u) =>
      `  ${u.username.padEnd(16)} ${u.password.padEnd(18)} ${u.role.padEnd(11)} ${(u.regionCode ?? 'everywhere').padEnd(8)} ${u.chainIds.join(',') || '-'}`,
  );
  return [
    'Development users (DEVELOPMENT ONLY: these passwords are public, in README.md):',
    `  ${'user'.padEnd(16)} ${'password'.padEnd(18)} ${'role'.padEnd(11)} ${'region'.padEnd(8)} chains`,
    ...lines,
  ].join('\n');
}

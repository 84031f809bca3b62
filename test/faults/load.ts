import { request } from 'node:http';

// A steady read and write load on the API for the fault tests: readers ask for chains and a page
// of enterprises with their regions; writers create projects (a project, its links and its first
// stage event in one transaction), each with a fresh id so every acknowledged write can be found.

export interface Outcome {
  kind: 'read' | 'write';
  /** The project id a write tried to create. */
  id?: string;
  ok: boolean;
  /** HTTP status; 0 when no response came (connection refused or reset). */
  status: number;
  /** `extensions.code` of the first error. */
  code?: string;
  /** The network error when no response came. */
  network?: string;
  ms: number;
  startedAt: number;
  endedAt: number;
}

/**
 * One POST on a connection of its own (no keep-alive), so that a request refused because the
 * server has closed is told apart from one cut off in flight: a reused idle socket that the
 * server closes would otherwise look like a reset request.
 */
function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out after 60 s')));
    req.on('error', reject);
    req.end(body);
  });
}

const READ = `query { chains { key links { key } } enterprises(first: 20) { edges { node { key region { code } } } } }`;
const WRITE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { key stage } }`;

export function startLoad(
  url: string,
  opts: { readers: number; writers: number; prefix: string; headers?: () => Record<string, string> },
): { stop(): Promise<Outcome[]> } {
  const outcomes: Outcome[] = [];
  let running = true;
  let n = 0;

  async function once(kind: 'read' | 'write'): Promise<void> {
    const id = kind === 'write' ? `${opts.prefix}-${++n}` : undefined;
    const body =
      kind === 'read'
        ? { query: READ }
        : {
            query: WRITE,
            variables: {
              input: {
                id,
                name: `故障测试项目 ${id}`,
                enterpriseId: 'e-jy-anode',
                regionCode: '421221',
                linkIds: ['nev.anode'],
                taskForceId: 'tf-xn-nev',
                amount: 1.5,
                industrial: true,
                exportOriented: false,
              },
            },
          };
    const startedAt = Date.now();
    const started = performance.now();
    const outcome: Outcome = {
      kind,
      ok: false,
      status: 0,
      ms: 0,
      startedAt,
      endedAt: 0,
      ...(id ? { id } : {}),
    };
    try {
      const res = await post(`${url}/graphql`, JSON.stringify(body), opts.headers?.() ?? {});
      outcome.status = res.status;
      const json = JSON.parse(res.body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      outcome.ok = !json.errors?.length && json.data != null;
      const code = json.errors?.[0]?.extensions?.code;
      if (code) outcome.code = code;
    } catch (e) {
      outcome.status = 0;
      outcome.network = [(e as { code?: string }).code, (e as Error).message].filter(Boolean).join(' ');
      // A refused connection is answered at once; don't spin.
      await new Promise((r) => setTimeout(r, 50));
    }
    outcome.ms = performance.now() - started;
    outcome.endedAt = Date.now();
    outcomes.push(outcome);
  }

  const loops = [
    ...Array.from({ length: opts.readers }, () => 'read' as const),
    ...Array.from({ length: opts.writers }, () => 'write' as const),
  ].map(async (kind) => {
    while (running) await once(kind);
  });

  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

import { useQuery } from 'urql';

const HealthQuery = /* GraphQL */ `
  query HealthBadge {
    health {
      ok
      neo4j {
        version
        edition
      }
    }
  }
`;

interface HealthData {
  health: { ok: boolean; neo4j: { version: string; edition: string } | null };
}

/** Proves the whole path browser → API → Neo4j: shows the database version or what went wrong. */
export function HealthBadge() {
  const [{ data, fetching, error }, refetch] = useQuery<HealthData>({ query: HealthQuery });
  if (fetching) return <p role="status">正在连接服务…</p>;
  if (error || !data?.health.ok)
    return (
      <p role="alert" data-testid="health" data-ok="false">
        无法连接图数据库：{error?.message ?? '数据库暂时不可用'}。请确认服务已启动后
        <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          重试
        </button>
      </p>
    );
  return (
    <p role="status" data-testid="health" data-ok="true">
      服务正常 · Neo4j {data.health.neo4j?.version} ({data.health.neo4j?.edition})
    </p>
  );
}

import { useQuery } from 'urql';
import { EntryChangesDocument, ProjectChangesDocument, type ChangeLog_EntryFragment } from '../gql/graphql';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';

const MUTATION_LABEL: Record<string, string> = {
  createProject: '立项',
  updateProject: '修改项目',
  moveProjectStage: '推进阶段',
  deleteProject: '删除项目',
  addLibraryEntry: '加入目标库',
  updateLibraryEntry: '修改目标',
  removeLibraryEntry: '移出目标库',
};

const show = (v: unknown): string =>
  v == null ? '—' : typeof v === 'string' ? v : Array.isArray(v) ? v.join('、') : JSON.stringify(v);

function Entries({ entries }: { entries: readonly ChangeLog_EntryFragment[] }) {
  if (entries.length === 0) return <Empty>暂无修改记录。</Empty>;
  return (
    <ol className="changelog" aria-label="修改记录">
      {entries.map((e) => (
        <li key={e.id}>
          <strong>{MUTATION_LABEL[e.mutation] ?? e.mutation}</strong>{' '}
          <span className="muted">
            {new Date(e.at).toLocaleString('zh-CN', { hour12: false })} · {e.actorName ?? '—'}
          </span>
          {e.changes.length > 0 && (
            <ul>
              {e.changes.map((c) => (
                <li key={c.field}>
                  {c.field}：{show(c.before)} → {show(c.after)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** 修改记录 of a project, from the audit trail (ADMIN and city offices). */
export function ProjectChangeLog({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProjectChangesDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  if (error) return <ErrorNotice error={error} what="修改记录" onRetry={retry(refetch)} />;
  if (fetching && !data) return <Loading>正在加载修改记录…</Loading>;
  return <Entries entries={data?.project?.history ?? []} />;
}

/** 修改记录 of a library entry (`libraryKey/enterpriseKey`), from the audit trail. */
export function EntryChangeLog({ entityId }: { entityId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EntryChangesDocument,
    variables: { entityId },
    requestPolicy: 'cache-and-network',
  });
  if (error) return <ErrorNotice error={error} what="修改记录" onRetry={retry(refetch)} />;
  if (fetching && !data) return <Loading>正在加载修改记录…</Loading>;
  return <Entries entries={data?.auditLog.edges.map((e) => e.node) ?? []} />;
}

import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useScope } from '../app/scope';
import { SearchPageDocument } from '../gql/graphql';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';
import { describeHit, groupHits } from './hits';

const MATCH_LABEL: Record<string, string> = {
  EXACT: '名称完全相同',
  PREFIX: '名称开头',
  CONTAINS: '名称包含',
  FULLTEXT: '全文匹配',
  PINYIN: '拼音首字母',
};

/** /search?q=: every hit, grouped by type. */
export default function SearchPage() {
  const { scope, params } = useScope();
  const q = (params.get('q') ?? '').trim().slice(0, 50);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SearchPageDocument,
    variables: { text: q },
    pause: !q,
  });
  const groups = groupHits(data?.search ?? []);
  return (
    <div className="page">
      <h1>搜索：{q || '（未输入）'}</h1>
      {!q ? (
        <Empty>请在页面顶部的搜索框输入企业、产业链、环节或地区名称。</Empty>
      ) : error ? (
        <ErrorNotice error={error} what="搜索结果" onRetry={retry(refetch)} />
      ) : fetching ? (
        <Loading>正在搜索…</Loading>
      ) : groups.length === 0 ? (
        <Empty>没有找到与“{q}”相关的结果。可以试试更短的关键词、股票代码或拼音首字母。</Empty>
      ) : (
        <div className="search-groups">
          {groups.map((g) => (
            <section key={g.kind} className="card">
              <h2>
                {g.label} <small>{g.hits.length} 条</small>
              </h2>
              <ul className="plain-list">
                {g.hits.map((h, i) => {
                  const d = describeHit(h, scope);
                  return (
                    <li key={i}>
                      <Link to={d.href}>{d.title}</Link> <small>{d.sub}</small>{' '}
                      <small className="muted">（{MATCH_LABEL[h.matchedBy] ?? h.matchedBy}）</small>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

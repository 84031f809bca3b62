import { Link } from 'react-router';
import { useQuery } from 'urql';
import { scopedHref, useScope } from '../app/scope';
import { SignInNeeded } from '../auth/UserMenu';
import { useMe } from '../auth/useMe';
import { HomeDocument } from '../gql/graphql';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';

/** 首页: the four questions, the task forces at work, and every chain. */
export default function Home() {
  const { scope } = useScope();
  const { signedIn } = useMe();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: HomeDocument,
    variables: { regionCode: scope.region, withPipeline: signedIn },
  });
  const libraries = data?.targetLibraries ?? [];
  return (
    <div className="page home">
      <h1>产业链招商图谱</h1>
      <p className="lead">
        选择地区和产业链，回答招商地图的四个问题：<strong>招什么</strong>（本地缺哪些环节）、
        <strong>招谁</strong>（哪些企业能补上）、<strong>到哪招</strong>（它们在哪里）、
        <strong>谁来招</strong>（专班和项目推进）。
      </p>
      {!scope.region && (
        <Empty>请先在上方选择地区（省 → 市 → 县区/园区），或直接搜索地区名称，例如“咸宁”。</Empty>
      )}
      {error ? (
        <ErrorNotice error={error} what="首页数据" onRetry={retry(refetch)} />
      ) : fetching && !data ? (
        <Loading />
      ) : data ? (
        <>
          <section>
            <h2>招商专班{scope.region ? '（本地区）' : ''}</h2>
            {!signedIn ? (
              <SignInNeeded what="招商专班和目标库" />
            ) : libraries.length === 0 ? (
              <Empty>
                {scope.region ? '本地区还没有招商专班和目标企业库。' : '还没有任何招商专班。'}
                可以先打开产业链全景图查看缺链，再把目标企业加入专班的目标库。
              </Empty>
            ) : (
              <ul className="card-grid" aria-label="招商专班">
                {libraries.map((lib) => {
                  const tf = lib.taskForce;
                  const s = {
                    region: tf?.region?.code ?? scope.region,
                    chain: tf?.chain?.key ?? scope.chain,
                  };
                  return (
                    <li key={lib.key} className="card">
                      <h3>
                        <Link to={scopedHref('/chain', s)}>{tf?.name ?? lib.name}</Link>
                      </h3>
                      <p className="muted">
                        {tf?.leader
                          ? `链长：${tf.leader.name}${tf.leader.title ? `（${tf.leader.title}）` : ''}`
                          : ''}
                        {tf?.leadDepartment ? ` · 牵头单位：${tf.leadDepartment}` : ''}
                      </p>
                      <p>
                        目标库 {lib.entries.length} 家 · <Link to={scopedHref('/pipeline', s)}>项目推进</Link>{' '}
                        · <Link to={scopedHref('/report', s)}>招商地图</Link>
                      </p>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <section>
            <h2>产业链</h2>
            {data.chains.length === 0 ? (
              <Empty>图谱中还没有产业链。请先导入产业链目录（npm run seed -- default）。</Empty>
            ) : (
              <ul className="card-grid" aria-label="产业链">
                {data.chains.map((c) => (
                  <li key={c.key} className="card">
                    <h3>
                      <Link to={scopedHref('/chain', { ...scope, chain: c.key })}>{c.name}</Link>
                    </h3>
                    {c.description && <p className="muted clamp">{c.description}</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

import { lazy, Suspense, useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { readKey, scopedHref, useScope } from '../app/scope';
import { ChainDiagnosisDocument, ChainPanoramaDocument } from '../gql/graphql';
import { percent } from '../ui/format';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';
import { Legend } from './Legend';
import { LinkList } from './LinkList';
import { LinkPanel } from './LinkPanel';
import { buildPanorama, countByStatus } from './model';

const PanoramaGraph = lazy(() => import('./PanoramaGraph'));

/** 产业链全景图 for the chosen chain, coloured for the chosen region; a link opens beside it. */
export default function PanoramaPage() {
  const { scope, params, update } = useScope();
  const selected = readKey(params, 'link');
  const listView = params.get('view') === 'list';
  const [chainRes, refetchChain] = useQuery({
    query: ChainPanoramaDocument,
    variables: { chainId: scope.chain ?? '' },
    pause: !scope.chain,
  });
  const [diagRes, refetchDiag] = useQuery({
    query: ChainDiagnosisDocument,
    variables: { chainId: scope.chain ?? '', regionCode: scope.region ?? '' },
    pause: !scope.chain || !scope.region,
  });
  const chain = chainRes.data?.chain;
  const diagnosis = diagRes.data?.chainDiagnosis ?? null;
  const model = useMemo(
    () => (chain ? buildPanorama(chain.links, diagnosis?.links ?? null) : null),
    [chain, diagnosis],
  );
  const onSelect = useCallback((key: string) => update({ link: key }), [update]);
  const selectedLink = selected && model ? model.byKey.get(selected) : undefined;

  if (!scope.chain)
    return (
      <div className="page">
        <h1>产业链全景图</h1>
        <Empty>
          请在上方选择一条产业链{scope.region ? '' : '和地区'}。也可以在
          <Link to={scopedHref('/', scope)}>首页</Link>
          浏览全部产业链。
        </Empty>
      </div>
    );
  if (chainRes.error)
    return (
      <div className="page">
        <h1>产业链全景图</h1>
        <ErrorNotice error={chainRes.error} what="产业链" onRetry={retry(refetchChain)} />
      </div>
    );
  if (chainRes.fetching || !chainRes.data) return <Loading>正在加载产业链…</Loading>;
  if (!chain || !model)
    return (
      <div className="page">
        <h1>产业链全景图</h1>
        <Empty>找不到产业链“{scope.chain}”。请在上方重新选择产业链。</Empty>
      </div>
    );

  return (
    <div className={`page panorama-page${selectedLink ? ' with-panel' : ''}`}>
      <div className="panorama-main">
        <div className="page-head">
          <h1>
            {chain.name} <small>产业链全景图</small>
          </h1>
          <div className="view-switch" role="group" aria-label="视图">
            <button
              type="button"
              className="btn"
              aria-pressed={!listView}
              onClick={() => update({ view: null })}
            >
              图谱视图
            </button>
            <button
              type="button"
              className="btn"
              aria-pressed={listView}
              onClick={() => update({ view: 'list' })}
            >
              列表视图
            </button>
          </div>
        </div>
        {!scope.region ? (
          <p className="state state-empty">
            选择地区后，各环节将按本地情况着色（强链 / 弱链 / 缺链 / 断链）。
          </p>
        ) : diagRes.error ? (
          <ErrorNotice error={diagRes.error} what="本地诊断（环节着色）" onRetry={retry(refetchDiag)} />
        ) : diagRes.fetching ? (
          <Loading>正在诊断本地产业链…</Loading>
        ) : diagnosis ? (
          <p className="muted">
            本地环节覆盖率 {percent(diagnosis.coverage)}；点击环节查看本地企业与目标企业。
          </p>
        ) : null}
        <Legend counts={countByStatus(model)} />
        {model.nodes.length === 0 ? (
          <Empty>该产业链还没有环节。</Empty>
        ) : listView ? (
          <LinkList model={model} selected={selected} onSelect={onSelect} />
        ) : (
          <Suspense fallback={<Loading>正在加载图谱组件…</Loading>}>
            <PanoramaGraph
              model={model}
              selected={selected}
              onSelect={onSelect}
              height="max(480px, calc(100vh - 250px))"
            />
          </Suspense>
        )}
      </div>
      {selected && !selectedLink && (
        <aside className="link-panel">
          <Empty>该产业链中没有环节“{selected}”。</Empty>
        </aside>
      )}
      {selectedLink && (
        <LinkPanel
          key={selectedLink.key}
          scope={{ ...scope, chain: chain.key }}
          link={selectedLink}
          onClose={() => update({ link: null })}
        />
      )}
    </div>
  );
}

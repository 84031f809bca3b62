import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { useAddLibraryEntry } from '../api/actions';
import { useMe } from '../auth/useMe';
import { describeError } from '../api/errors';
import { scopedHref, type Scope } from '../app/scope';
import {
  LinkGapTargetsDocument,
  LinkLibrariesDocument,
  LinkPanelDocument,
  LinkStrengthenTargetsDocument,
  TargetConnectionsDocument,
  type LinkLibrariesQuery,
  type LinkPanel_EnterpriseFragment,
  type LinkPanel_TargetFragment,
} from '../gql/graphql';
import { score, yi } from '../ui/format';
import { LINK_STAGE_LABEL, tagLabel } from '../ui/labels';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';
import { FactorBars } from './FactorBars';
import type { PanoramaLink } from './model';
import { STATUS_META, statusText } from './status';

type Library = LinkLibrariesQuery['targetLibraries'][number];

function place(e: LinkPanel_EnterpriseFragment): string {
  return [e.province?.name, e.city?.name, e.county?.name].filter(Boolean).join(' ');
}

function Tags({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return null;
  return (
    <span className="tags">
      {tags.map((t) => (
        <span key={t} className="tag">
          {tagLabel(t)}
        </span>
      ))}
    </span>
  );
}

/** One tie along a path, read in its own direction: A —供应→ B, or A ←投资 30%— B. */
function Tie({ step }: { step?: { type: string; share?: number | null } }) {
  const what =
    step?.type === 'INVESTS_IN'
      ? `投资${step.share != null ? ` ${Math.round(step.share * 100)}%` : ''}`
      : '供应';
  return <span className="relation"> —{what}— </span>;
}

/** 关系: who in the region is tied to this target, through supply or investment. */
function Connections({ regionCode, enterpriseId }: { regionCode: string; enterpriseId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TargetConnectionsDocument,
    variables: { regionCode, enterpriseId },
  });
  if (error) return <ErrorNotice error={error} what="关系路径" onRetry={retry(refetch)} />;
  if (fetching) return <Loading>正在查找本地关系…</Loading>;
  const paths = data?.connections ?? [];
  if (!paths.length)
    return <Empty>本地区没有企业与它有供应或投资关系（3 步以内）。可以通过商会、行业协会等渠道接触。</Empty>;
  return (
    <ol className="connections" aria-label="关系路径">
      {paths.slice(0, 10).map((p, i) => (
        <li key={i}>
          {p.nodes.map((e, j) => (
            <span key={`${e.key}:${j}`}>
              {j > 0 && <Tie step={p.steps[j - 1]} />}
              <Link to={`/enterprise/${encodeURIComponent(e.key)}`}>{e.name}</Link>
              {e.city && <small className="muted">（{e.city.name}）</small>}
            </span>
          ))}
        </li>
      ))}
    </ol>
  );
}

/** 加入目标库: one click when the region has one library for the chain, a choice when several. */
function AddToLibrary({
  libraries,
  enterpriseId,
  reason,
  scope,
  inLibrary,
}: {
  libraries: readonly Library[];
  enterpriseId: string;
  reason: string;
  scope: Scope;
  inLibrary: boolean;
}) {
  const id = useId();
  const [choice, setChoice] = useState(libraries[0]?.id ?? '');
  const [state, add] = useAddLibraryEntry();
  const [done, setDone] = useState<string | null>(null);
  const already = libraries.find((l) => l.entries.some((e) => e.enterprise.id === enterpriseId));
  if (inLibrary && !already && !done) return <p className="ok">✓ 已在本地区的目标库中</p>;
  if (!libraries.length) return <p className="muted">本地区该产业链还没有招商专班目标库，无法加入。</p>;
  if (already || done)
    return (
      <p className="ok" role="status">
        ✓ 已在“{(already ?? libraries.find((l) => l.id === done))?.name}”中 ·{' '}
        <Link to={scopedHref('/pipeline', scope)}>去项目推进看板</Link>
      </p>
    );
  const problem = state.error ? describeError(state.error) : null;
  return (
    <div className="add-library">
      {libraries.length > 1 && (
        <>
          <label htmlFor={id}>目标库</label>
          <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
            {libraries.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={state.fetching}
        onClick={async () => {
          const r = await add({ input: { libraryId: choice, enterpriseId, priority: 2, reason } });
          if (!r.error) setDone(choice);
        }}
      >
        {state.fetching ? '正在加入…' : '＋ 加入目标库'}
      </button>
      {problem && (
        <p role="alert" className={problem.kind === 'pending' ? 'state-pending' : 'state-error'}>
          未能加入：{problem.message}。{problem.action}
        </p>
      )}
    </div>
  );
}

function TargetCard({
  hit,
  rank,
  libraries,
  linkName,
  scope,
}: {
  hit: LinkPanel_TargetFragment;
  rank: number;
  libraries: readonly Library[];
  linkName: string;
  scope: Scope;
}) {
  const [showTies, setShowTies] = useState(false);
  const { can, signedIn } = useMe();
  const { pathname, search } = useLocation();
  const e = hit.enterprise;
  return (
    <li className="target-card" data-testid="target">
      <div className="target-head">
        <span className="rank" aria-label={`第 ${rank} 名`}>
          {rank}
        </span>
        <Link to={scopedHref(`/enterprise/${encodeURIComponent(e.key)}`, scope)} className="target-name">
          {e.name}
        </Link>
        <span className="target-score" aria-label={`得分 ${score(hit.score)}`}>
          {score(hit.score)}
        </span>
      </div>
      <p className="muted">
        {hit.local ? '本地企业（增资扩产）· ' : ''}
        {place(e) || '地点未知'}
        {hit.sourceZones.length > 0 && `（${hit.sourceZones.join('、')}）`} · 营收 {yi(e.revenue)}{' '}
        <Tags tags={e.tags} />
      </p>
      <FactorBars factors={hit.factors} total={hit.score} />
      <div className="target-actions">
        <button type="button" className="btn" aria-expanded={showTies} onClick={() => setShowTies((v) => !v)}>
          {showTies ? '收起关系' : '本地关系'}
        </button>
        {can.editLibraries ? (
          <AddToLibrary
            libraries={libraries}
            enterpriseId={e.id}
            reason={`补链：${linkName}（得分 ${score(hit.score)}）`}
            scope={scope}
            inLibrary={hit.inLibrary}
          />
        ) : !signedIn ? (
          <Link className="muted" to={`/signin?next=${encodeURIComponent(`${pathname}${search}`)}`}>
            登录后可加入目标库
          </Link>
        ) : hit.inLibrary ? (
          <p className="ok">✓ 已在本地区的目标库中</p>
        ) : null}
      </div>
      {showTies && scope.region && <Connections regionCode={scope.region} enterpriseId={e.id} />}
    </li>
  );
}

function Targets({ scope, link }: { scope: Scope & { region: string; chain: string }; link: PanoramaLink }) {
  const strengthen = link.status === 'STRONG';
  const variables = { chainId: scope.chain, regionCode: scope.region };
  const [gap, refetchGap] = useQuery({
    query: LinkGapTargetsDocument,
    variables: { ...variables, linkId: link.key },
    pause: strengthen,
  });
  const [str, refetchStr] = useQuery({ query: LinkStrengthenTargetsDocument, variables, pause: !strengthen });
  const { can } = useMe();
  const [libs] = useQuery({
    query: LinkLibrariesDocument,
    variables: { chainId: scope.chain, regionCode: scope.region },
    pause: !can.editLibraries,
  });
  const { data, fetching, error } = strengthen ? str : gap;
  const hits =
    (strengthen
      ? str.data?.strengthenTargets.find((t) => t.diagnosis.link.key === link.key)?.hits
      : gap.data?.gapTargets.hits) ?? [];
  // The chosen region's own task force first (a city's library before its counties').
  const libraries = [...(libs.data?.targetLibraries ?? [])].sort(
    (a, b) =>
      Number(b.taskForce?.region?.code === scope.region) - Number(a.taskForce?.region?.code === scope.region),
  );
  return (
    <section aria-labelledby="targets-h">
      <h3 id="targets-h">{strengthen ? '强链目标企业（引进龙头、本地增资扩产）' : '招商目标企业（招谁）'}</h3>
      {error ? (
        <ErrorNotice error={error} what="目标企业" onRetry={retry(strengthen ? refetchStr : refetchGap)} />
      ) : fetching && !data ? (
        <Loading>正在为该环节排序目标企业…</Loading>
      ) : hits.length === 0 ? (
        <Empty>
          {strengthen
            ? '该环节已有本地龙头，暂无需要强链的目标企业。'
            : '没有找到适合该环节的外地企业（已在目标库或已有项目的企业不再列出）。可以从“到哪招”地图按地区查找。'}
        </Empty>
      ) : (
        <ol className="targets">
          {hits.map((h, i) => (
            <TargetCard
              key={h.enterprise.key}
              hit={h}
              rank={i + 1}
              libraries={libraries}
              linkName={link.name}
              scope={scope}
            />
          ))}
        </ol>
      )}
      {libs.error && <ErrorNotice error={libs.error} what="目标库" />}
    </section>
  );
}

/** The side panel of one link: what it is, local firms, and ranked targets with why. */
export function LinkPanel({
  scope,
  link,
  onClose,
}: {
  scope: Scope & { chain: string };
  link: PanoramaLink;
  onClose: () => void;
}) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: LinkPanelDocument,
    variables: { linkId: link.key, regionCode: scope.region ?? '' },
    pause: !scope.region,
  });
  const m = STATUS_META[link.status];
  const l = data?.link;
  // On a tablet the panel sits below the graph: bring it into view when a link is opened.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (window.matchMedia?.('(max-width: 1100px)').matches) ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <aside ref={ref} className="link-panel" aria-labelledby="link-panel-h" data-testid="link-panel">
      <div className="panel-head">
        <h2 id="link-panel-h">
          {link.isKey && <span title="关键环节">★ </span>}
          {link.name}
        </h2>
        <button type="button" className="btn btn-small" onClick={onClose} aria-label="关闭环节详情">
          ✕
        </button>
      </div>
      <p>
        <span className="status-badge" style={{ color: m.text, borderColor: m.border, background: m.fill }}>
          <span aria-hidden="true">{m.icon}</span> {statusText(link.status, link.isKey)}
        </span>{' '}
        {LINK_STAGE_LABEL[link.stage]}
        {l?.parent && <> · 属于 {l.parent.name}</>}
      </p>
      {l?.description && <p className="muted">{l.description}</p>}
      {!scope.region ? (
        <Empty>请先在上方选择地区，才能看到本地企业和目标企业。</Empty>
      ) : (
        <>
          <section aria-labelledby="local-h">
            <h3 id="local-h">本地企业{l ? `（${l.enterprises.totalCount} 家）` : ''}</h3>
            {error ? (
              <ErrorNotice error={error} what="本地企业" onRetry={retry(refetch)} />
            ) : fetching && !data ? (
              <Loading />
            ) : !l ? (
              <Empty>找不到这个环节，它可能已从目录中删除。</Empty>
            ) : l.enterprises.edges.length === 0 ? (
              <Empty>本地区在该环节还没有企业：这是需要补链的地方。</Empty>
            ) : (
              <ul className="plain-list">
                {l.enterprises.edges.map(({ node: e }) => (
                  <li key={e.key}>
                    <Link to={scopedHref(`/enterprise/${encodeURIComponent(e.key)}`, scope)}>{e.name}</Link>{' '}
                    <small className="muted">
                      {[e.county?.name ?? e.city?.name, e.revenue != null ? yi(e.revenue) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </small>{' '}
                    <Tags tags={e.tags} />
                  </li>
                ))}
                {l.enterprises.totalCount > l.enterprises.edges.length && (
                  <li className="muted">按营收列出前 {l.enterprises.edges.length} 家</li>
                )}
              </ul>
            )}
          </section>
          <Targets scope={{ ...scope, region: scope.region }} link={link} />
        </>
      )}
    </aside>
  );
}

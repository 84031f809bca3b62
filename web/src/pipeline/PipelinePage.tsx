import { useId, useMemo, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { useCreateProject, useMoveProjectStage } from '../api/actions';
import { describeError } from '../api/errors';
import { EntryChangeLog, ProjectChangeLog } from '../auth/ChangeLog';
import { SignInNeeded } from '../auth/UserMenu';
import { useMe, type Can } from '../auth/useMe';
import { scopedHref, useScope } from '../app/scope';
import {
  PipelineLibrariesDocument,
  PipelineWarningsDocument,
  ProjectHistoryDocument,
  type PipelineBoard_ProjectFragment,
  type PipelineLibrariesQuery,
  type ProjectStage,
} from '../gql/graphql';
import { formatNumber, yi } from '../ui/format';
import {
  nextStage,
  PROJECT_STAGE_LABEL,
  PROJECT_STAGES,
  tagLabel,
  type LifeStage,
  type ProjectStageName,
} from '../ui/labels';
import { Empty, ErrorNotice, Loading, retry } from '../ui/States';
import { SEVERITY_LABEL, WARNING_KIND_LABEL, warningsByProject } from '../tracking/schedule';
import { WarningList, type WarningItem } from '../tracking/WarningList';
import { boardTotals, groupBoard, type ColumnId } from './board';
import { ProjectForm, type NewProject } from './ProjectForm';
import { useAllProjects } from './useAllProjects';

type Library = PipelineLibrariesQuery['targetLibraries'][number];
type Entry = Library['entries'][number] & { library: Library };
type Project = PipelineBoard_ProjectFragment;

interface Actions {
  warnings: Map<string, WarningItem[]>;
  move: (p: Project, stage: ProjectStage, reason?: string) => Promise<void>;
  create: (e: Entry, p: NewProject) => Promise<boolean>;
  busy: boolean;
  /** What the signed-in user may do (the rest is hidden). */
  can: Can;
}

/** 历史: the project's dated stage moves, oldest first, loaded when opened. */
function History({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProjectHistoryDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  if (error) return <ErrorNotice error={error} what="阶段历史" onRetry={retry(refetch)} />;
  if (fetching && !data) return <Loading>正在加载历史…</Loading>;
  const events = data?.node?.__typename === 'Project' ? data.node.events : [];
  return (
    <ol className="history" aria-label="阶段历史">
      {events.length === 0 ? (
        <li className="muted">暂无记录</li>
      ) : (
        events.map((ev, i) => (
          <li key={i}>
            {ev.on ?? '日期不详'} {PROJECT_STAGE_LABEL[ev.stage as ProjectStageName]}
            {ev.reason ? `（${ev.reason}）` : ''}
          </li>
        ))
      )}
    </ol>
  );
}

function ProjectCard({ p, actions }: { p: Project; actions: Actions }) {
  const selectId = useId();
  const [history, setHistory] = useState(false);
  const [changes, setChanges] = useState(false);
  const [terminating, setTerminating] = useState(false);
  const [reason, setReason] = useState('');
  const next = nextStage(p.stage as ProjectStageName);
  return (
    <li
      className="board-card"
      draggable={p.stage !== 'TERMINATED'}
      onDragStart={(ev) => ev.dataTransfer.setData('text/plain', `project:${p.id}`)}
      data-testid="project-card"
      data-project={p.key}
    >
      <strong>{p.name}</strong>
      <small>
        {p.enterprise ? (
          <Link to={`/enterprise/${encodeURIComponent(p.enterprise.key)}`}>{p.enterprise.name}</Link>
        ) : (
          '—'
        )}
        {' · '}
        {yi(p.amount)}
        {p.stageOn ? ` · ${p.stageOn}` : ''}
      </small>
      {p.links.length > 0 && <small className="muted">{p.links.map((l) => l.name).join('、')}</small>}
      {(actions.warnings.get(p.key) ?? []).map((w) => (
        <p key={w.kind} className={`card-warning sev-${w.severity.toLowerCase()}`} data-testid="card-warning">
          <span aria-hidden="true">⚠</span> {SEVERITY_LABEL[w.severity]}预警：
          {WARNING_KIND_LABEL[w.kind] ?? w.kind}
          <span className="muted">（{w.reason}）</span>
        </p>
      ))}
      <div className="card-actions">
        {actions.can.editProjects && next && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={actions.busy}
            onClick={() => actions.move(p, next)}
          >
            推进至{PROJECT_STAGE_LABEL[next]} →
          </button>
        )}
        {actions.can.editProjects && p.stage !== 'TERMINATED' && (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              移至阶段
            </label>
            <select
              id={selectId}
              value=""
              disabled={actions.busy}
              onChange={(e) => e.target.value && actions.move(p, e.target.value as ProjectStage)}
            >
              <option value="">跳至…</option>
              {PROJECT_STAGES.slice(PROJECT_STAGES.indexOf(p.stage as LifeStage) + 1).map((s) => (
                <option key={s} value={s}>
                  {PROJECT_STAGE_LABEL[s]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setTerminating((v) => !v)}
              aria-expanded={terminating}
            >
              终止
            </button>
          </>
        )}
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={history}
          onClick={() => setHistory((v) => !v)}
        >
          历史
        </button>
        {actions.can.readAudit && (
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={changes}
            onClick={() => setChanges((v) => !v)}
          >
            修改记录
          </button>
        )}
      </div>
      {terminating && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim())
              void actions.move(p, 'TERMINATED', reason.trim()).then(() => setTerminating(false));
          }}
        >
          <label>
            终止原因
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              placeholder="如 企业投资计划取消"
            />
          </label>
          <button type="submit" className="btn btn-small" disabled={!reason.trim() || actions.busy}>
            确认终止
          </button>
        </form>
      )}
      {history && <History id={p.id} />}
      {changes && <ProjectChangeLog id={p.id} />}
    </li>
  );
}

function EntryCard({ e, actions }: { e: Entry; actions: Actions }) {
  const [creating, setCreating] = useState(false);
  const [changes, setChanges] = useState(false);
  const chainKey = e.library.taskForce?.chain?.key;
  return (
    <li
      className="board-card entry-card"
      draggable
      onDragStart={(ev) => ev.dataTransfer.setData('text/plain', `entry:${e.enterprise.id}`)}
      data-testid="library-card"
      data-enterprise={e.enterprise.key}
    >
      <strong>
        <Link to={`/enterprise/${encodeURIComponent(e.enterprise.key)}`}>{e.enterprise.name}</Link>
      </strong>
      <small>
        {e.priority ? `优先级 ${e.priority}` : ''}
        {e.addedOn ? ` · ${e.addedOn} 加入` : ''}
        {e.owner?.name || e.ownerId ? ` · 首谈：${e.owner?.name ?? e.ownerId}` : ''}
      </small>
      {e.reason && <small className="muted">{e.reason}</small>}
      {e.enterprise.tags.length > 0 && (
        <span className="tags">
          {e.enterprise.tags.slice(0, 3).map((t) => (
            <span key={t} className="tag">
              {tagLabel(t)}
            </span>
          ))}
        </span>
      )}
      {creating && chainKey ? (
        <ProjectForm
          chainKey={chainKey}
          enterpriseKey={e.enterprise.key}
          enterpriseName={e.enterprise.name}
          busy={actions.busy}
          onCancel={() => setCreating(false)}
          onSubmit={(p) => void actions.create(e, p).then((ok) => ok && setCreating(false))}
        />
      ) : (
        <div className="card-actions">
          {actions.can.editProjects && (
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={actions.busy || !chainKey}
              onClick={() => setCreating(true)}
              aria-expanded={creating}
            >
              立项为线索 →
            </button>
          )}
          {actions.can.editProjects && !chainKey && (
            <small className="muted">该目标库的专班未关联产业链，无法立项。</small>
          )}
          {actions.can.readAudit && (
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={changes}
              onClick={() => setChanges((v) => !v)}
            >
              修改记录
            </button>
          )}
        </div>
      )}
      {changes && <EntryChangeLog entityId={`${e.library.key}/${e.enterprise.key}`} />}
    </li>
  );
}

/** 项目推进: the target library and the projects as a board by life-cycle stage. */
export default function PipelinePage() {
  const { scope } = useScope();
  const { signedIn, can } = useMe();
  const vars = { regionCode: scope.region, chainId: scope.chain };
  const proj = useAllProjects(scope.region, scope.chain, !signedIn);
  const [libRes, refetchLib] = useQuery({
    query: PipelineLibrariesDocument,
    variables: vars,
    pause: !scope.region || !signedIn,
  });
  const [warnRes, refetchWarnings] = useQuery({
    query: PipelineWarningsDocument,
    variables: { regionCode: scope.region ?? '' },
    pause: !scope.region,
  });
  const warnings = useMemo(() => warnRes.data?.warnings ?? [], [warnRes.data]);
  const byProject = useMemo(() => warningsByProject(warnings), [warnings]);
  const [moveState, moveProject] = useMoveProjectStage();
  const [createState, createProject] = useCreateProject();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [dropTarget, setDropTarget] = useState<ColumnId | null>(null);

  const projects = proj.projects;
  const entries = useMemo(
    (): Entry[] =>
      (libRes.data?.targetLibraries ?? []).flatMap((library) =>
        library.entries.map((en) => ({ ...en, library })),
      ),
    [libRes.data],
  );
  const columns = useMemo(() => groupBoard(projects, entries), [projects, entries]);
  const totals = boardTotals(columns);

  const fail = (what: string, error: CombinedError) => {
    const p = describeError(error);
    setNotice({ ok: false, text: `${what}失败：${p.message}。${p.action}` });
  };
  const refresh = () => {
    proj.reload();
    refetchLib({ requestPolicy: 'network-only' });
    refetchWarnings({ requestPolicy: 'network-only' });
  };
  const actions: Actions = {
    warnings: byProject,
    can,
    busy: moveState.fetching || createState.fetching,
    async move(p, stage, reason) {
      const r = await moveProject({
        input: { projectId: p.id, stage, version: p.version ?? 0, ...(reason ? { reason } : {}) },
      });
      if (r.error) return fail(`移动“${p.name}”`, r.error);
      setNotice({ ok: true, text: `已将“${p.name}”移至${PROJECT_STAGE_LABEL[stage as ProjectStageName]}` });
      refresh();
    },
    async create(e, p) {
      const taskForceId = e.library.taskForce?.id;
      if (!taskForceId) return false;
      const r = await createProject({
        input: {
          enterpriseId: e.enterprise.id,
          regionCode: e.library.taskForce?.region?.code ?? scope.region ?? '',
          taskForceId,
          name: p.name,
          amount: p.amount,
          industrial: p.industrial,
          exportOriented: p.exportOriented,
          linkIds: p.linkIds,
        },
      });
      if (r.error) {
        fail(`为“${e.enterprise.name}”立项`, r.error);
        return false;
      }
      setNotice({ ok: true, text: `已为“${e.enterprise.name}”立项，进入线索阶段` });
      refresh();
      return true;
    },
  };
  const onDrop = (col: ColumnId) => (ev: DragEvent) => {
    ev.preventDefault();
    setDropTarget(null);
    const [kind, id] = ev.dataTransfer.getData('text/plain').split(/:(.*)/s);
    if (kind === 'project') {
      const p = projects.find((x) => x.id === id);
      if (p && col !== 'LIBRARY' && col !== p.stage && col !== 'TERMINATED') void actions.move(p, col);
    } else if (kind === 'entry' && col === 'LEAD') {
      setNotice({ ok: false, text: '立项需要填写投资额和环节：请点击目标企业卡片上的“立项为线索”。' });
    }
  };

  if (!signedIn)
    return (
      <div className="page">
        <h1>项目推进</h1>
        <SignInNeeded what="目标库和招商项目" />
      </div>
    );
  if (!scope.region)
    return (
      <div className="page">
        <h1>项目推进</h1>
        <Empty>请先在上方选择地区（可再选产业链），查看目标企业库和招商项目。</Empty>
      </div>
    );
  const error = proj.error ?? libRes.error;
  return (
    <div className="page pipeline-page">
      <div className="page-head">
        <h1>
          项目推进 <small>目标库与全周期看板</small>
        </h1>
        <p className="totals" aria-live="polite">
          在推项目 <strong>{totals.count}</strong> 个，合计 <strong>{formatNumber(totals.amount)}</strong>{' '}
          亿元
        </p>
      </div>
      {notice && (
        <p className={notice.ok ? 'ok' : 'state state-error'} role={notice.ok ? 'status' : 'alert'}>
          {notice.ok ? '✓ ' : '⚠ '}
          {notice.text}
        </p>
      )}
      {error ? (
        <ErrorNotice error={error} what="项目和目标库" onRetry={refresh} />
      ) : (proj.fetching && projects.length === 0) || (libRes.fetching && !libRes.data) ? (
        <Loading>正在加载项目和目标库…</Loading>
      ) : projects.length === 0 && entries.length === 0 ? (
        <Empty>
          本地区{scope.chain ? '该产业链' : ''}还没有目标企业和项目。可以在
          <Link to={scopedHref('/chain', scope)}>产业链全景图</Link>中打开缺口环节，把目标企业加入目标库。
        </Empty>
      ) : (
        <>
          {warnings.length > 0 && (
            <details className="warnings-panel" data-testid="pipeline-warnings">
              <summary>
                <span aria-hidden="true">⚠</span> 预警 {warnings.length} 条（严重{' '}
                {warnings.filter((w) => w.severity === 'HIGH').length} 条）
              </summary>
              <WarningList warnings={warnings} limit={50} />
            </details>
          )}
          {proj.truncated && (
            <p className="note">
              共 {proj.total} 个项目，看板只显示最近推进的 {projects.length}{' '}
              个，各阶段合计只含显示的项目。请选择产业链或县区缩小范围。
            </p>
          )}
          <div className="board" role="list" aria-label="项目看板">
            {columns.map((c) => (
              <section
                key={c.id}
                role="listitem"
                className={`board-col col-${c.id.toLowerCase()}${dropTarget === c.id ? ' is-drop' : ''}`}
                aria-labelledby={`col-${c.id}`}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDropTarget(c.id);
                }}
                onDragLeave={() => setDropTarget(null)}
                onDrop={onDrop(c.id)}
                data-testid={`column-${c.id}`}
              >
                <h2 id={`col-${c.id}`}>
                  {c.label} <span className="count">{c.count}</span>
                </h2>
                {c.id !== 'LIBRARY' && (
                  <p className="col-sum">
                    {formatNumber(c.amount)} 亿元{c.unknownAmount ? `（${c.unknownAmount} 个金额未知）` : ''}
                  </p>
                )}
                <ul>
                  {c.entries.map((e) => (
                    <EntryCard key={e.enterprise.key} e={e} actions={actions} />
                  ))}
                  {c.projects.map((p) => (
                    <ProjectCard key={p.key} p={p} actions={actions} />
                  ))}
                  {c.count === 0 && <li className="muted empty-col">暂无</li>}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

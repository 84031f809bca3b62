import { useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ProjectFormDocument } from '../gql/graphql';
import { LINK_STAGE_LABEL } from '../ui/labels';
import { ErrorNotice, Loading, retry } from '../ui/States';

export interface NewProject {
  name: string;
  amount: number;
  industrial: boolean;
  exportOriented: boolean;
  linkIds: string[];
}

/**
 * 立项: what a lead needs to become a project: a name, the planned amount (亿元), whether it is
 * industrial or export-oriented, and the links of the chain it fills (the firm's own links on the
 * chain are ticked to begin with).
 */
export function ProjectForm({
  chainKey,
  enterpriseKey,
  enterpriseName,
  busy,
  onSubmit,
  onCancel,
}: {
  chainKey: string;
  enterpriseKey: string;
  enterpriseName: string;
  busy: boolean;
  onSubmit: (p: NewProject) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProjectFormDocument,
    variables: { chainId: chainKey, enterpriseId: enterpriseKey },
  });
  const [name, setName] = useState(`${enterpriseName}项目`);
  const [amount, setAmount] = useState('');
  const [industrial, setIndustrial] = useState(true);
  const [exportOriented, setExportOriented] = useState(false);
  const [picked, setPicked] = useState<string[] | null>(null);
  if (error) return <ErrorNotice error={error} what="立项表单" onRetry={retry(refetch)} />;
  if (fetching || !data) return <Loading>正在准备立项表单…</Loading>;
  const links = data.chain?.links ?? [];
  const own = new Set(data.enterprise?.links.map((l) => l.link.key) ?? []);
  const linkIds = picked ?? links.filter((l) => own.has(l.key)).map((l) => l.key);
  const value = Number(amount);
  const valid = name.trim() !== '' && value > 0 && linkIds.length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onSubmit({ name: name.trim(), amount: value, industrial, exportOriented, linkIds });
  };
  return (
    <form className="project-form" onSubmit={submit} aria-label={`为${enterpriseName}立项`}>
      <label>
        项目名称
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      <label>
        计划投资额（亿元）
        <input
          type="number"
          inputMode="decimal"
          min="0.01"
          step="0.01"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          required
          data-testid="project-amount"
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={industrial} onChange={(e) => setIndustrial(e.target.checked)} />{' '}
        工业项目
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={exportOriented}
          onChange={(e) => setExportOriented(e.target.checked)}
        />{' '}
        外向型
      </label>
      <fieldset>
        <legend id={`${id}-links`}>填补的环节（至少一个）</legend>
        <div className="link-checks" role="group" aria-labelledby={`${id}-links`}>
          {links.map((l) => (
            <label key={l.key} className="check">
              <input
                type="checkbox"
                checked={linkIds.includes(l.key)}
                onChange={(e) =>
                  setPicked(e.target.checked ? [...linkIds, l.key] : linkIds.filter((k) => k !== l.key))
                }
              />{' '}
              {l.parent ? '· ' : ''}
              {l.name} <small className="muted">{LINK_STAGE_LABEL[l.stage]}</small>
            </label>
          ))}
        </div>
      </fieldset>
      {!valid && <p className="muted">请填写项目名称、大于 0 的投资额，并至少选择一个环节。</p>}
      <div className="card-actions">
        <button type="submit" className="btn btn-small btn-primary" disabled={!valid || busy}>
          {busy ? '正在立项…' : '确认立项'}
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

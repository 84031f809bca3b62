import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/errors';
import { ContactEnterpriseSearchDocument, LogContactDocument, type ContactKind } from '../gql/graphql';
import { chinaToday } from '../tracking/schedule';

/** 走访、接待、洽谈…: the kinds of contact a task force logs, in the words it uses. */
export const CONTACT_KINDS: { id: ContactKind; label: string }[] = [
  { id: 'VISIT', label: '上门拜访' },
  { id: 'RECEPTION', label: '来访接待' },
  { id: 'MEETING', label: '洽谈' },
  { id: 'EVENT', label: '招商活动' },
  { id: 'CALL', label: '电话/视频' },
];

export interface ContactPerson {
  key: string;
  name: string;
}

/**
 * 登记走访: log a contact of a task force with an enterprise (date, who, which enterprise, note,
 * next step, and whether it was a trip out of town, which counts toward the leader's duty).
 */
export function ContactForm({
  taskForceKey,
  people,
  onLogged,
  onCancel,
}: {
  taskForceKey: string;
  people: ContactPerson[];
  onLogged: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [on, setOn] = useState(chinaToday());
  const [personId, setPersonId] = useState(people[0]?.key ?? '');
  const [kind, setKind] = useState<ContactKind>('VISIT');
  const [text, setText] = useState('');
  const [enterprise, setEnterprise] = useState<{ key: string; name: string } | null>(null);
  const [note, setNote] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [tripOut, setTripOut] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [found] = useQuery({
    query: ContactEnterpriseSearchDocument,
    variables: { text },
    pause: text.trim().length < 2 || enterprise?.name === text,
  });
  const [state, logContact] = useMutation(LogContactDocument);
  const options = (found.data?.search ?? []).flatMap((h) =>
    h.node.__typename === 'Enterprise' ? [h.node] : [],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!personId) return setProblem('请选择走访人（专班链长或成员）。');
    if (!enterprise) return setProblem('请从搜索结果中选择一家企业。');
    setProblem(null);
    const r = await logContact({
      input: {
        taskForceId: taskForceKey,
        personId,
        enterpriseId: enterprise.key,
        kind,
        on,
        tripOut,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(nextStep.trim() ? { nextStep: nextStep.trim() } : {}),
      },
    });
    if (r.error) {
      const d = describeError(r.error);
      setProblem(`登记失败：${d.message}。${d.action}`);
      return;
    }
    onLogged();
  }

  return (
    <form className="contact-form" onSubmit={(e) => void submit(e)} aria-label="登记走访洽谈">
      <label htmlFor={`${id}-on`}>日期</label>
      <input
        id={`${id}-on`}
        type="date"
        value={on}
        max={chinaToday()}
        onChange={(e) => setOn(e.target.value)}
      />
      <label htmlFor={`${id}-person`}>走访人</label>
      <select id={`${id}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
        {people.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-kind`}>方式</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
        {CONTACT_KINDS.map((k) => (
          <option key={k.id} value={k.id}>
            {k.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-ent`}>企业</label>
      <div>
        <input
          id={`${id}-ent`}
          value={text}
          placeholder="输入企业名称搜索"
          onChange={(e) => {
            setText(e.target.value);
            setEnterprise(null);
          }}
        />
        {!enterprise && options.length > 0 && (
          <ul className="contact-options" aria-label="企业搜索结果">
            {options.map((o) => (
              <li key={o.key}>
                <button
                  type="button"
                  onClick={() => {
                    setEnterprise({ key: o.key, name: o.name });
                    setText(o.name);
                  }}
                >
                  {o.name}
                  {o.region ? ` · ${o.region.name}` : ''}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <label htmlFor={`${id}-note`}>情况</label>
      <input id={`${id}-note`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      <label htmlFor={`${id}-next`}>下一步</label>
      <input
        id={`${id}-next`}
        value={nextStep}
        maxLength={500}
        onChange={(e) => setNextStep(e.target.value)}
      />
      <label htmlFor={`${id}-trip`}>赴外招商</label>
      <input
        id={`${id}-trip`}
        type="checkbox"
        checked={tripOut}
        onChange={(e) => setTripOut(e.target.checked)}
      />
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <div className="contact-actions">
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? '正在登记…' : '登记'}
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

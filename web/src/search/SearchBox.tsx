import { useId, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { scopedHref, useScope } from '../app/scope';
import { SearchBoxDocument } from '../gql/graphql';
import { useDebounced } from '../ui/useDebounced';
import { describeHit, groupHits } from './hits';

/** The search box on every page: suggestions grouped by type as you type, Enter for all results. */
export function SearchBox() {
  const id = useId();
  const { scope } = useScope();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(text.trim(), 200);
  const [{ data, fetching, error }] = useQuery({
    query: SearchBoxDocument,
    variables: { text: q },
    pause: q.length === 0 || q.length > 50,
  });
  const groups = groupHits(data?.search ?? []);
  const submit = () => {
    if (!text.trim()) return;
    setOpen(false);
    navigate(scopedHref('/search', scope, { q: text.trim() }));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') submit();
    if (e.key === 'Escape') setOpen(false);
  };
  return (
    <div
      className="search-box"
      role="search"
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}
    >
      <label htmlFor={id} className="visually-hidden">
        搜索企业、产业链、环节、地区
      </label>
      <input
        id={id}
        type="search"
        placeholder="搜索企业、产业链、环节、地区"
        value={text}
        maxLength={50}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKey}
        aria-controls={`${id}-results`}
        aria-expanded={open && q.length > 0}
        data-testid="search-input"
      />
      {open && q && (
        <div id={`${id}-results`} className="search-popup" aria-live="polite">
          {error ? (
            <p className="state-error">搜索暂时不可用，请稍后再试。</p>
          ) : fetching && !data ? (
            <p>搜索中…</p>
          ) : groups.length === 0 ? (
            <p>没有找到“{q}”，换个关键词试试（支持拼音首字母，如 xn）。</p>
          ) : (
            <>
              {groups.map((g) => (
                <section key={g.kind}>
                  <h3>{g.label}</h3>
                  <ul>
                    {g.hits.map((h, i) => {
                      const d = describeHit(h, scope);
                      return (
                        <li key={i}>
                          <Link to={d.href} onClick={() => setOpen(false)}>
                            {d.title} <small>{d.sub}</small>
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              ))}
              <button type="button" className="link-button" onClick={submit}>
                查看全部结果 →
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

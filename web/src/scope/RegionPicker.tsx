import { useId, useState } from 'react';
import { useQuery } from 'urql';
import {
  RegionPickerOptionsDocument,
  RegionPickerPathDocument,
  RegionPickerSearchDocument,
  type RegionPicker_RegionFragment,
} from '../gql/graphql';
import { REGION_LEVEL_LABEL } from '../ui/labels';
import { ErrorNotice, retry } from '../ui/States';
import { useDebounced } from '../ui/useDebounced';

type RegionOption = RegionPicker_RegionFragment;

/** The chosen region and its ancestors, province first. */
function usePath(code: string | null): { path: RegionOption[]; fetching: boolean } {
  const [{ data, fetching }] = useQuery({
    query: RegionPickerPathDocument,
    variables: { code: code ?? '' },
    pause: !code,
  });
  const path: RegionOption[] = [];
  type Node = RegionOption & { parent?: Node | null };
  for (let r: Node | null | undefined = data?.region; r; r = r.parent) path.unshift(r);
  return { path, fetching };
}

function LevelSelect({
  label,
  parentCode,
  value,
  onChange,
  disabled,
}: {
  label: string;
  parentCode: string | null;
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RegionPickerOptionsDocument,
    variables: { parentCode },
    pause: disabled,
  });
  const options = data?.regions ?? [];
  const counties = options.filter((o) => o.level !== 'ZONE');
  const zones = options.filter((o) => o.level === 'ZONE');
  if (error) return <ErrorNotice error={error} what={`${label}列表`} onRetry={retry(refetch)} />;
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled || fetching}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`region-${label}`}
      >
        <option value="">{fetching ? '加载中…' : disabled ? '—' : `全部（选择${label}）`}</option>
        {zones.length > 0 ? (
          <>
            <optgroup label="县/区/县级市">
              {counties.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="开发区/园区">
              {zones.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          </>
        ) : (
          options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))
        )}
      </select>
    </span>
  );
}

function RegionSearch({ onPick }: { onPick: (code: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const debounced = useDebounced(text.trim(), 250);
  const [{ data, fetching, error }] = useQuery({
    query: RegionPickerSearchDocument,
    variables: { text: debounced },
    pause: debounced.length === 0,
  });
  const hits = (data?.search ?? []).flatMap((h) => (h.node.__typename === 'Region' ? [h.node] : []));
  return (
    <div className="region-search">
      <label htmlFor={id}>搜索地区</label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder="如 咸宁、嘉鱼、xn"
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      {debounced && (
        <div className="region-search-results" aria-live="polite">
          {error ? (
            <span className="state-error">搜索失败，请稍后再试</span>
          ) : fetching ? (
            <span>搜索中…</span>
          ) : hits.length === 0 ? (
            <span>没有名为“{debounced}”的地区</span>
          ) : (
            <ul>
              {hits.map((r) => (
                <li key={r.code}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onPick(r.code);
                      setText('');
                    }}
                  >
                    {r.name}
                    <small>
                      {' '}
                      {REGION_LEVEL_LABEL[r.level]}
                      {r.parent
                        ? ` · ${r.parent.parent ? `${r.parent.parent.name} ` : ''}${r.parent.name}`
                        : ''}
                    </small>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * 省 → 市 → 县/区/园区, each list from the API, plus a search box. Choosing a level clears the
 * levels below; choosing "全部" keeps the level above as the region.
 */
export function RegionPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const { path } = usePath(value);
  const province = path[0]?.code ?? '';
  const city = path[1]?.code ?? '';
  const local = path[2]?.code ?? '';
  return (
    <fieldset className="region-picker" data-testid="region-picker">
      <legend>地区</legend>
      <LevelSelect label="省" parentCode={null} value={province} onChange={(c) => onChange(c || null)} />
      <LevelSelect
        label="市"
        parentCode={province || null}
        value={city}
        disabled={!province}
        onChange={(c) => onChange(c || province || null)}
      />
      <LevelSelect
        label="县区"
        parentCode={city || null}
        value={local}
        disabled={!city}
        onChange={(c) => onChange(c || city || null)}
      />
      <RegionSearch onPick={onChange} />
    </fieldset>
  );
}

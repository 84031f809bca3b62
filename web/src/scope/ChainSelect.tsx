import { useId } from 'react';
import { useQuery } from 'urql';
import { ChainSelectDocument } from '../gql/graphql';
import { ErrorNotice, retry } from '../ui/States';

/** 产业链: every chain the catalog has, by name. */
export function ChainSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (key: string | null) => void;
}) {
  const id = useId();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ChainSelectDocument });
  if (error) return <ErrorNotice error={error} what="产业链列表" onRetry={retry(refetch)} />;
  const chains = data?.chains ?? [];
  return (
    <span className="field chain-select">
      <label htmlFor={id}>产业链</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={fetching}
        onChange={(e) => onChange(e.target.value || null)}
        data-testid="chain-select"
      >
        <option value="">{fetching ? '加载中…' : chains.length ? '选择产业链' : '暂无产业链'}</option>
        {chains.map((c) => (
          <option key={c.key} value={c.key}>
            {c.name}
          </option>
        ))}
      </select>
    </span>
  );
}

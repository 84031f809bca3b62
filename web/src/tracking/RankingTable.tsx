import { Link } from 'react-router';
import { movement } from './schedule';

export interface RankingRowItem {
  rank?: number | null;
  previousRank?: number | null;
  change?: number | null;
  score?: number | null;
  bonus: number;
  region: { code: string; name: string };
}

/** 排位: rank, region (a link to drill down), composite score, bonus and movement in words. */
export function RankingTable({
  rows,
  caption,
  regionHref,
}: {
  rows: readonly RankingRowItem[];
  caption: string;
  regionHref?: (code: string) => string;
}) {
  if (rows.length === 0) return <p className="state state-empty">本地区没有下级县区或园区可排位。</p>;
  return (
    <table className="table ranking-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">名次</th>
          <th scope="col">地区</th>
          <th scope="col">综合得分</th>
          <th scope="col">加分</th>
          <th scope="col">较上期</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const m = movement(r.change);
          return (
            <tr key={r.region.code}>
              <td>{r.rank ?? '—'}</td>
              <th scope="row">
                {regionHref ? <Link to={regionHref(r.region.code)}>{r.region.name}</Link> : r.region.name}
              </th>
              <td>{r.score == null ? '未设目标' : r.score.toFixed(2)}</td>
              <td>{r.bonus ? `+${r.bonus}` : '—'}</td>
              <td>
                <span aria-hidden="true">{m.icon}</span> {m.text}
                {r.previousRank != null && <span className="muted">（上期第 {r.previousRank} 名）</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { factorLabel } from '../ui/labels';
import { score as fmt } from '../ui/format';

export interface FactorView {
  name: string;
  weight: number;
  value: number;
  contribution: number;
  detail: string;
}

/**
 * Why this firm: one small bar per factor of its score. The bar is the factor's value (0–1); the
 * number is what it adds to the score (weight × value); the words say where it comes from.
 */
export function FactorBars({ factors, total }: { factors: readonly FactorView[]; total?: number }) {
  const sum = factors.reduce((s, f) => s + f.contribution, 0);
  return (
    <div className="factor-bars">
      <ul>
        {factors.map((f) => {
          const pct = Math.max(0, Math.min(1, f.value)) * 100;
          return (
            <li key={f.name} className="factor">
              <span className="factor-name">{factorLabel(f.name)}</span>
              <span
                className="factor-bar"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={1}
                aria-valuenow={f.value}
                aria-label={`${factorLabel(f.name)}：取值 ${fmt(f.value)}，权重 ${fmt(f.weight)}，贡献 ${fmt(f.contribution)}`}
              >
                <span className="factor-fill" style={{ width: `${pct}%` }} data-testid={`factor-${f.name}`} />
              </span>
              <span className="factor-contribution" title={`权重 ${fmt(f.weight)} × 取值 ${fmt(f.value)}`}>
                +{fmt(f.contribution)}
              </span>
              <span className="factor-detail">{f.detail}</span>
            </li>
          );
        })}
      </ul>
      <p className="factor-total">
        综合得分 <strong>{fmt(total ?? sum)}</strong>
        <small>（各因素“权重 × 取值”之和）</small>
      </p>
    </div>
  );
}

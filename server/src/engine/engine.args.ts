import { z } from 'zod';
import { badInput, fromZod } from '../core/errors.js';
import {
  DEFAULT_SOURCE_ZONES,
  DEFAULT_THRESHOLDS,
  DEFAULT_WEIGHTS,
  type Thresholds,
  type Weights,
} from './engine.defaults.js';

const ThresholdsModel = z.object({
  strongMinCount: z.number().int().min(1).max(1_000_000).nullish(),
  strongMinQuotient: z.number().min(0).max(1_000).nullish(),
});
const WeightsModel = z
  .object({
    strength: z.number().min(0).max(100).nullish(),
    gap: z.number().min(0).max(100).nullish(),
    ties: z.number().min(0).max(100).nullish(),
    supplyFit: z.number().min(0).max(100).nullish(),
    sourceZone: z.number().min(0).max(100).nullish(),
  })
  .nullish();
const ZonesModel = z.array(z.string().trim().min(1).max(20)).max(20).nullish();

export type ThresholdsArg = z.input<typeof ThresholdsModel> | null | undefined;
export type WeightsArg = z.input<typeof WeightsModel>;

function parse<T>(model: z.ZodType<T>, value: unknown, field: string): T {
  const r = model.safeParse(value);
  if (!r.success) throw fromZod(r.error, field);
  return r.data;
}

/** The thresholds of a request: defaults, overridden field by field. */
export function resolveThresholds(arg: ThresholdsArg): Thresholds {
  const t = parse(ThresholdsModel, arg ?? {}, 'thresholds');
  return {
    strongMinCount: t.strongMinCount ?? DEFAULT_THRESHOLDS.strongMinCount,
    strongMinQuotient: t.strongMinQuotient ?? DEFAULT_THRESHOLDS.strongMinQuotient,
  };
}

/** The score weights of a request: defaults, overridden field by field; they must not all be 0. */
export function resolveWeights(arg: WeightsArg): Weights {
  const w = parse(WeightsModel, arg, 'weights') ?? {};
  const out: Weights = {
    strength: w.strength ?? DEFAULT_WEIGHTS.strength,
    gap: w.gap ?? DEFAULT_WEIGHTS.gap,
    ties: w.ties ?? DEFAULT_WEIGHTS.ties,
    supplyFit: w.supplyFit ?? DEFAULT_WEIGHTS.supplyFit,
    sourceZone: w.sourceZone ?? DEFAULT_WEIGHTS.sourceZone,
  };
  if (Object.values(out).every((v) => v === 0))
    throw badInput('at least one weight must be above 0', 'weights');
  return out;
}

/** The preferred source zones of a request (codes), default 长三角, 粤港澳大湾区, 京津冀. */
export function resolveZones(arg: string[] | null | undefined): string[] {
  const zones = parse(ZonesModel, arg, 'sourceZones');
  return zones ? [...new Set(zones)] : [...DEFAULT_SOURCE_ZONES];
}

/** A count argument: 1..max, `fallback` when absent. */
export function count(
  value: number | null | undefined,
  field: string,
  fallback: number,
  max: number,
): number {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badInput(`${field} must be between 1 and ${max} (got ${value})`, field);
  }
  return value;
}

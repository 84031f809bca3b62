import { z } from 'zod';
import { optStr, str } from '../core/models.js';
import { toGlobalId } from '../core/relay.js';

export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'ZONE'] as const;
export const RegionLevelModel = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof RegionLevelModel>;

/** The Cypher map projection every region query returns (see {@link RegionModel}). */
export const regionFields = (v: string) => `${v} { .code, .name, .shortName, .level }`;

/** A `(:Region)` as the API hands it around: domain `code`, global `id`. */
export const RegionModel = z
  .object({ code: str, name: str, shortName: optStr, level: RegionLevelModel })
  .transform((r) => ({ __typename: 'Region' as const, id: toGlobalId('Region', r.code), ...r }));
export type RegionRecord = z.output<typeof RegionModel>;

export const sourceZoneFields = (v: string) => `${v} { .code, .name }`;

/** A `(:SourceZone)`: a grouping of regions that industries relocate from (京津冀, 长三角…). */
export const SourceZoneModel = z.object({ code: str, name: str }).transform((z) => ({
  __typename: 'SourceZone' as const,
  id: toGlobalId('SourceZone', z.code),
  key: z.code,
  ...z,
}));
export type SourceZoneRecord = z.output<typeof SourceZoneModel>;

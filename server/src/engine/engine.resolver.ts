import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { ScoreWeightsInput, ThresholdsInput } from './engine.input.js';
import { connections } from './connections.service.js';
import { diagnose } from './diagnosis.service.js';
import type {
  ConnectionPathRecord,
  DiagnosisRecord,
  ExtensionOptionRecord,
  InvestmentMapRecord,
  LinkTargetsRecord,
  SourceRegionRecord,
  TargetListRecord,
} from './engine.records.js';
import { investmentMap } from './map.service.js';
import { sourceRegions } from './regions.service.js';
import { extensionOptions, gapTargets, strengthenTargets } from './targets.service.js';
import {
  ChainDiagnosis,
  ConnectionPath,
  ExtensionOption,
  InvestmentMap,
  LinkTargets,
  SourceRegion,
  SourceRegionLevel,
  TargetList,
} from './engine.type.js';

const chainArg = { description: '产业链 chain id (e.g. `nev`) or global id.' };
const regionArg = {
  description: '地区 region code (e.g. 421200) or global id; regions within it count too.',
};
const thresholdsArg = {
  nullable: true,
  description: 'Thresholds of the diagnosis; defaults where left out.',
};
const weightsArg = { nullable: true, description: 'Weights of the score; defaults where left out.' };
const zonesArg = {
  nullable: true,
  description: 'Preferred source zones (SourceZone codes); default CSJ 长三角, YGA 粤港澳大湾区, JJJ 京津冀.',
};

/** The investment-map engine (招商地图): 招什么, 招谁, 到哪招, 谁来招, 强链, 延链. */
@Resolver()
export class EngineResolver {
  @Query(() => ChainDiagnosis, {
    description: '招什么: a chain diagnosed in a region, link by link, with its gaps by severity.',
  })
  chainDiagnosis(
    @Ctx() ctx: Context,
    @Arg('chainId', () => ID, chainArg) chainId: string,
    @Arg('regionCode', () => String, regionArg) regionCode: string,
    @Arg('thresholds', () => ThresholdsInput, thresholdsArg) thresholds: ThresholdsInput | null,
  ): Promise<DiagnosisRecord> {
    return diagnose(ctx, { chainId, regionCode, thresholds });
  }

  @Query(() => TargetList, {
    description:
      '补链: enterprises outside the region that fill its MISSING or WEAK links (or the given links), by explainable score.',
  })
  gapTargets(
    @Ctx() ctx: Context,
    @Arg('chainId', () => ID, chainArg) chainId: string,
    @Arg('regionCode', () => String, regionArg) regionCode: string,
    @Arg('linkIds', () => [ID], {
      nullable: true,
      description: 'Only these links of the chain (default: every gap).',
    })
    linkIds: string[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many hits, 1–200 (default 20).' })
    first: number | null,
    @Arg('weights', () => ScoreWeightsInput, weightsArg) weights: ScoreWeightsInput | null,
    @Arg('thresholds', () => ThresholdsInput, thresholdsArg) thresholds: ThresholdsInput | null,
    @Arg('sourceZones', () => [String], zonesArg) sourceZones: string[] | null,
    @Arg('includeKnown', () => Boolean, {
      nullable: true,
      description:
        'Also list firms already in a target library or project of the region (flagged). Default false.',
    })
    includeKnown: boolean | null,
  ): Promise<TargetListRecord> {
    return gapTargets(ctx, {
      chainId,
      regionCode,
      linkIds,
      first,
      weights,
      thresholds,
      sourceZones,
      includeKnown,
    });
  }

  @Query(() => [LinkTargets], {
    description:
      '强链: for WEAK links and STRONG links without an anchor, anchors from elsewhere and local firms that could expand.',
  })
  strengthenTargets(
    @Ctx() ctx: Context,
    @Arg('chainId', () => ID, chainArg) chainId: string,
    @Arg('regionCode', () => String, regionArg) regionCode: string,
    @Arg('first', () => Int, { nullable: true, description: 'Hits per link, 1–50 (default 5).' })
    first: number | null,
    @Arg('thresholds', () => ThresholdsInput, thresholdsArg) thresholds: ThresholdsInput | null,
    @Arg('weights', () => ScoreWeightsInput, weightsArg) weights: ScoreWeightsInput | null,
    @Arg('sourceZones', () => [String], zonesArg) sourceZones: string[] | null,
  ): Promise<LinkTargetsRecord[]> {
    return strengthenTargets(ctx, { chainId, regionCode, first, thresholds, weights, sourceZones });
  }

  @Query(() => [ExtensionOption], {
    description:
      '延链: links beyond the chain (or missing in it) next to links STRONG in the region, with their best candidates.',
  })
  extensionOptions(
    @Ctx() ctx: Context,
    @Arg('chainId', () => ID, chainArg) chainId: string,
    @Arg('regionCode', () => String, regionArg) regionCode: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many options, 1–200 (default 20).' })
    first: number | null,
    @Arg('perOption', () => Int, { nullable: true, description: 'Candidates per option, 1–50 (default 5).' })
    perOption: number | null,
    @Arg('thresholds', () => ThresholdsInput, thresholdsArg) thresholds: ThresholdsInput | null,
    @Arg('weights', () => ScoreWeightsInput, weightsArg) weights: ScoreWeightsInput | null,
    @Arg('sourceZones', () => [String], zonesArg) sourceZones: string[] | null,
  ): Promise<ExtensionOptionRecord[]> {
    return extensionOptions(ctx, {
      chainId,
      regionCode,
      first,
      perOption,
      thresholds,
      weights,
      sourceZones,
    });
  }

  @Query(() => [SourceRegion], {
    description:
      '到哪招: provinces or cities ranked by the candidates there for one gap link or every gap (heat-map data).',
  })
  sourceRegions(
    @Ctx() ctx: Context,
    @Arg('chainId', () => ID, chainArg) chainId: string,
    @Arg('regionCode', () => String, regionArg) regionCode: string,
    @Arg('linkId', () => ID, { nullable: true, description: 'One link of the chain (default: every gap).' })
    linkId: string | null,
    @Arg('level', () => SourceRegionLevel, { nullable: true, description: 'PROVINCE (default) or CITY.' })
    level: 'PROVINCE' | 'CITY' | null,
    @Arg('thresholds', () => ThresholdsInput, thresholdsArg) thresholds: ThresholdsInput | null,
  ): Promise<SourceRegionRecord[]> {
    return sourceRegions(ctx, { chainId, regionCode, linkId, level, thresholds });
  }

  @Query(() => [ConnectionPath], {
    description:
      'Who can introduce us: the shortest SUPPLIES_TO / INVESTS_IN paths from an enterprise to firms in the region.',
  })
  connections(
    @Ctx() ctx: Context,
    @Arg('enterpriseId', () => ID, { description: 'The candidate: enterprise id or global id.' })
    enterpriseId: string,
    @Arg('regionCode', () => String, regionArg) regionCode: string,
    @Arg('maxHops', () => Int, { nullable: true, description: 'Longest path, 1–3 ties (default 3).' })
    maxHops: number | null,
    @Arg('first', () => Int, { nullable: true, description: 'Firms reached, 1–50 (default 20).' })
    first: number | null,
  ): Promise<ConnectionPathRecord[]> {
    return connections(ctx, { enterpriseId, regionCode, maxHops, first });
  }

  @Query(() => InvestmentMap, {
    description:
      '一张招商地图: 招什么 (diagnosis), 招谁 (targets per gap), 到哪招 (source regions), 谁来招 (task forces, pipeline).',
  })
  investmentMap(
    @Ctx() ctx: Context,
    @Arg('chainId', () => ID, chainArg) chainId: string,
    @Arg('regionCode', () => String, regionArg) regionCode: string,
    @Arg('thresholds', () => ThresholdsInput, thresholdsArg) thresholds: ThresholdsInput | null,
    @Arg('weights', () => ScoreWeightsInput, weightsArg) weights: ScoreWeightsInput | null,
    @Arg('sourceZones', () => [String], zonesArg) sourceZones: string[] | null,
    @Arg('perGap', () => Int, { nullable: true, description: 'Targets per gap, 1–50 (default 5).' })
    perGap: number | null,
    @Arg('level', () => SourceRegionLevel, {
      nullable: true,
      description: 'Source regions: PROVINCE (default) or CITY.',
    })
    level: 'PROVINCE' | 'CITY' | null,
    @Arg('includeKnown', () => Boolean, {
      nullable: true,
      description: 'Also list firms already in a target library or project of the region. Default false.',
    })
    includeKnown: boolean | null,
  ): Promise<InvestmentMapRecord> {
    return investmentMap(ctx, {
      chainId,
      regionCode,
      thresholds,
      weights,
      sourceZones,
      perGap,
      level,
      includeKnown,
    });
  }
}

import { Field, Float, InputType, Int } from 'type-graphql';

@InputType({ description: 'Thresholds of a diagnosis; any left out take their defaults (docs/method.md).' })
export class ThresholdsInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'Local firms (at a location quotient ≥ strongMinQuotient) that make a link STRONG without an anchor. Default 3.',
  })
  strongMinCount?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lowest location quotient for the count rule. Default 1.',
  })
  strongMinQuotient?: number | null;
}

@InputType({
  description: 'Weights of the target score, each ≥ 0; any left out take their defaults (they sum to 1).',
})
export class ScoreWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Strength: tags and revenue. Default 0.35.' })
  strength?: number | null;

  @Field(() => Float, { nullable: true, description: 'Severity of the gap filled. Default 0.25.' })
  gap?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Ties with firms in the region (以商招商). Default 0.15.',
  })
  ties?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Supply fit with the region's strong links (以龙头引配套). Default 0.15.",
  })
  supplyFit?: number | null;

  @Field(() => Float, { nullable: true, description: 'Being in a preferred source zone. Default 0.1.' })
  sourceZone?: number | null;
}

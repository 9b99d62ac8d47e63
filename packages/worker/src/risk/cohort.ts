// A labelled synthetic cohort for training and evaluating the risk model, generated deterministically:
//   1. each student gets two latent traits, engagement e and skill k, uniform in [0, 1];
//   2. the observable features are noisy functions of them (more engaged students submit more and sooner,
//      more skilled ones score higher and improve);
//   3. the label "failed the course" is drawn with probability σ(−7 + 8·(1 − e) + 4·(1 − k)),
//      so it depends on the traits, not on the features directly: the model has to infer them.

import type { RiskFeatures } from "@edu/domain";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export type LabelledStudent = { features: RiskFeatures; failed: boolean };

export function generateCohort(size: number, seed: number): LabelledStudent[] {
  const rng = xoroshiro128plus(seed);
  const uniform = () => uniformFloat64(rng);
  // Box–Muller: a standard normal from two uniforms.
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  return Array.from({ length: size }, () => {
    const e = uniform();
    const k = uniform();
    const features: RiskFeatures = {
      submissionFrequency: clamp(0.2 + 2.5 * e + 0.5 * normal(), 0, 7),
      codeQualityTrend: 6 * (k - 0.5) + 3 * normal(),
      engagementScore: clamp(0.75 * e + 0.15 * k + 0.12 * normal(), 0, 1),
      feedbackResponseTime: clamp(30 + 220 * (1 - e) + 40 * normal(), 1, 336),
      missingRate: clamp(0.8 * (1 - e) - 0.1 + 0.15 * normal(), 0, 1),
      averageQuality: clamp(0.35 + 0.55 * k + 0.08 * normal(), 0, 1),
    };
    const pFail = 1 / (1 + Math.exp(-(-7 + 8 * (1 - e) + 4 * (1 - k))));
    return { features, failed: uniform() < pFail };
  });
}

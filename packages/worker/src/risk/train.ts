// `pnpm --filter @edu/worker risk:train`: regenerates the synthetic cohort, fits the model, reports held-out
// quality and writes @edu/domain's risk/model/coefficients.json (commit it; predictions record its version).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCohort } from "./cohort";
import { HOLDOUT_SEED, TRAINING_SEED } from "./train-seeds";
import { evaluate, trainLogisticRegression } from "./training";

// The model is scored by @edu/domain, so its coefficients live there.
const coefficientsPath = join(import.meta.dirname, "../../../domain/src/risk/model/coefficients.json");

const version = process.argv[2] ?? `lr-${new Date().toISOString().slice(0, 10)}`;
const model = trainLogisticRegression(generateCohort(4_000, TRAINING_SEED), version);
const holdout = evaluate(model, generateCohort(2_000, HOLDOUT_SEED));
writeFileSync(coefficientsPath, `${JSON.stringify(model, null, 2)}\n`);
console.log(
  `model ${version}: held-out AUC ${holdout.auc.toFixed(3)}, Brier ${holdout.brier.toFixed(3)}, ECE ${holdout.ece.toFixed(3)}`,
);

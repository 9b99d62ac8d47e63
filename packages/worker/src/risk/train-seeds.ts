/** The cohorts the committed coefficients were trained and checked on (see train.ts). */
export const TRAINING_SEED = 20261125;
export const HOLDOUT_SEED = 7;

import { TRPCError } from "@trpc/server";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { z } from "zod";

// zxcvbn estimates how many guesses a password takes from dictionaries of common passwords, names and words,
// keyboard patterns, repeats and sequences; score 3 means "safely unguessable" (about 10^8 guesses or more).
// Its dictionaries take ~0.7 s to load, so they load on the first password set, not at start-up.
let estimator: Promise<ZxcvbnFactory> | undefined;
const loadEstimator = async () => {
  const [core, common, en] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]);
  return new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
};
const MIN_SCORE = 3;
// The estimate's cost grows with length; what comes past this many characters only adds strength.
const ESTIMATED_CHARS = 100;

/** Why a new password is refused, or null when it is strong enough. `related` are the user's own e-mail and name. */
export async function passwordWeakness(password: string, related: string[] = []): Promise<string | null> {
  if (password.trim().length < 12) return "use at least 12 characters";
  estimator ??= loadEstimator();
  const result = (await estimator).check(password.slice(0, ESTIMATED_CHARS), related);
  if (result.score >= MIN_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? "add more words or characters";
  return `too easy to guess: ${hint.replace(/\.$/, "")}`;
}

/** A new password's shape; its strength is checked with assertStrongPassword once the user's details are known. */
export const newPasswordSchema = z.string().max(1024, "use at most 1024 characters");

/** BAD_REQUEST naming `field` when the password is weak. */
export async function assertStrongPassword(password: string, related: string[], field: string) {
  const weakness = await passwordWeakness(password, related);
  if (weakness) throw new TRPCError({ code: "BAD_REQUEST", message: `${field}: ${weakness}` });
}

import { TRPCError } from "@trpc/server";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { z } from "zod";

// zxcvbn estimates how many guesses a password takes from dictionaries of common passwords, names and words,
// keyboard patterns, repeats and sequences; score 3 means "safely unguessable" (about 10^8 guesses or more).
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});
const MIN_SCORE = 3;
// The estimate's cost grows with length; what comes past this many characters only adds strength.
const ESTIMATED_CHARS = 100;

/** Why a new password is refused, or null when it is strong enough. `related` are the user's own e-mail and name. */
export function passwordWeakness(password: string, related: string[] = []): string | null {
  if (password.trim().length < 12) return "use at least 12 characters";
  const result = estimator.check(password.slice(0, ESTIMATED_CHARS), related);
  if (result.score >= MIN_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? "add more words or characters";
  return `too easy to guess: ${hint.replace(/\.$/, "")}`;
}

/** A new password's shape; its strength is checked with assertStrongPassword once the user's details are known. */
export const newPasswordSchema = z.string().max(1024, "use at most 1024 characters");

/** BAD_REQUEST naming `field` when the password is weak. */
export function assertStrongPassword(password: string, related: string[], field: string) {
  const weakness = passwordWeakness(password, related);
  if (weakness) throw new TRPCError({ code: "BAD_REQUEST", message: `${field}: ${weakness}` });
}

import { FINDING_SEVERITIES } from "@edu/domain";
import type { FeedbackDraftInput } from "./types";

// A concrete next step per kind of finding; rules not listed get the finding's own message.
const ADVICE: { match: RegExp; advice: string }[] = [
  {
    match: /complexity|cognitive/i,
    advice: "split it into smaller functions and return early instead of nesting conditions",
  },
  { match: /duplicat/i, advice: "move the repeated block into one shared function" },
  { match: /long|size|max-lines/i, advice: "break it up so each part does one job" },
  { match: /test/i, advice: "add a few unit tests for the main paths and an edge case" },
  { match: /unused/i, advice: "remove what is not used" },
];

function adviceFor(rule: string): string | undefined {
  return ADVICE.find((a) => a.match.test(rule))?.advice;
}

/** A deterministic draft: the worst findings first, each with file, line, metric and a suggested fix. */
export function writeFeedbackDraft(input: FeedbackDraftInput): string {
  const lines: string[] = [];
  const score = input.codeQualityScore;
  lines.push(
    score === null
      ? `Thanks for submitting "${input.assignmentTitle}".`
      : `"${input.assignmentTitle}" scored ${Math.round(score)}/100 for code quality${input.complexityScore === null ? "" : ` (complexity ${input.complexityScore})`}.`,
  );
  const previous = input.previousScores.at(-1);
  if (score !== null && previous !== undefined) {
    const delta = Math.round(score - previous);
    lines.push(
      delta > 0
        ? `That is ${delta} points better than your previous submission — well done.`
        : delta < 0
          ? `That is ${-delta} points below your previous submission; the points below are where to look.`
          : "That matches your previous submission.",
    );
  }
  const worst = [...input.findings]
    .sort(
      (a, b) =>
        FINDING_SEVERITIES.indexOf(a.severity) - FINDING_SEVERITIES.indexOf(b.severity) ||
        (b.metricValue ?? 0) - (a.metricValue ?? 0) ||
        a.filePath.localeCompare(b.filePath) ||
        a.line - b.line,
    )
    .slice(0, 5);
  if (worst.length === 0) {
    lines.push(
      "The analysis found nothing to fix. Next step: add tests for the edge cases if you have not yet.",
    );
  } else {
    lines.push("What to improve first:");
    for (const f of worst) {
      const metric = f.metricValue === null ? "" : ` (${f.rule} = ${f.metricValue})`;
      const advice = adviceFor(f.rule);
      lines.push(`- ${f.filePath}:${f.line}${metric}: ${f.message}${advice ? ` — ${advice}.` : ""}`);
    }
  }
  return lines.join("\n");
}

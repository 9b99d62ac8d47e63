// The calibration set (see samples.ts): within each language the score must rank clean above average above
// copy-pasted above tangled, clean code must rate A or B, and tangled code D or E.
import { rmSync } from "node:fs";
import { type Scores, scoreRepository } from "@edu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRepository } from "../../../src/analysis/analyze";
import { LANGUAGES, LEVELS, materialiseSample } from "./samples";

const scores = new Map<string, Scores>();
const dirs: string[] = [];

beforeAll(async () => {
  for (const language of LANGUAGES)
    for (const level of LEVELS) {
      const dir = materialiseSample(language, level);
      dirs.push(dir);
      scores.set(`${language}/${level}`, scoreRepository(await analyzeRepository(dir, 512 * 1024)));
    }
}, 120_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(LANGUAGES)("calibration: %s", (language) => {
  const of = (level: string) => scores.get(`${language}/${level}`) as Scores;

  it("ranks clean > average > copy-pasted > tangled", () => {
    const ranked = LEVELS.map((level) => of(level).codeQualityScore);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    expect(new Set(ranked).size).toBe(LEVELS.length);
  });

  it("rates clean code A or B and tangled code D or E", () => {
    expect(["A", "B"]).toContain(of("clean").rating);
    expect(["D", "E"]).toContain(of("tangled").rating);
  });
});

import type { FindingSeverity } from "../enums";

export type FunctionMetrics = {
  filePath: string;
  /** The function's name from the syntax tree, qualified by its class or enclosing function (`Parser.parse`). */
  name: string;
  /** Unique within the repository: `filePath::name`, with `#2`, `#3` … for later functions of the same name. */
  key: string;
  line: number;
  /** McCabe's cyclomatic complexity of the function's own body (nested functions are scored on their own). */
  cyclomatic: number;
  /** SonarSource cognitive complexity of the function's own body: the headline complexity, the one charged. */
  cognitive: number;
  /** Code lines of the function's own body (lines of nested functions are theirs). */
  lines: number;
};

export type Finding = {
  filePath: string;
  line: number;
  endLine?: number;
  rule: string;
  severity: FindingSeverity;
  message: string;
  metricValue?: number;
};

/** Per scored file: what its debt is computed from. */
export type FileMetrics = {
  filePath: string;
  codeLines: number;
  commentLines: number;
  /** Lines of this file inside a clone of code elsewhere (every copy counts, overlapping clones once). */
  duplicatedLines: number;
};

/** Files measured but kept out of the score, by reason. */
export type ExcludedFiles = {
  /** Test code: `test/`, `tests/`, `__tests__/`, `*.test.*`, `*.spec.*`, `test_*.py`, `*_test.py`, `*Test.java` … */
  tests: string[];
  /** Data tables: JSON/CSV and other data files, and source files that are mostly literals. */
  data: string[];
  /** Files the assignment hands out (`Assignment.starterPaths`). */
  starter: string[];
};

/**
 * Everything measured in a repository. `functions`, `files`, `findings` and the line counts cover the scored
 * files only (not tests, data tables or starter code); `findings` is complete (never capped), so the score
 * never depends on how many findings are stored.
 */
export type RepositoryMetrics = {
  /** Scored source files. */
  files: number;
  codeLines: number;
  commentLines: number;
  testFiles: number;
  functions: FunctionMetrics[];
  duplicatedLines: number;
  findings: Finding[];
  fileMetrics: FileMetrics[];
  excluded: ExcludedFiles;
};

/** One file's share of the debt, worst first in `AnalysisSummary.hotspots`. */
export type Hotspot = {
  filePath: string;
  debtMinutes: number;
  /** Code lines of the file. */
  lines: number;
  /** Findings in the file (all of them, stored or not). */
  findings: number;
};

/**
 * `Submission.analysisSummary`, the one definition of its JSON shape (version 1):
 * - `hotspots`: up to 10 files with the most debt, worst first;
 * - `excluded`: files measured but not scored, by reason;
 * - `findingsTotal` findings were found, the first `findingsStored` (worst first) are stored as
 *   `AnalysisFinding` rows; `capped` says some were left out of storage (never out of the score);
 * - `debtMinutes`, `debtRatio`: the score's inputs; `reusedFrom`: the submission whose identical code's
 *   result was copied, if any.
 */
export type AnalysisSummary = {
  version: 1;
  hotspots: Hotspot[];
  excluded: ExcludedFiles;
  findingsTotal: number;
  findingsStored: number;
  capped: boolean;
  files: number;
  codeLines: number;
  functions: number;
  debtMinutes: number;
  debtRatio: number;
  reusedFrom?: { submissionId: string; submittedAt: string };
};

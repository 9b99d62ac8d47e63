import type { FindingSeverity } from "../enums";

export type FunctionMetrics = {
  filePath: string;
  name: string;
  line: number;
  cyclomatic: number;
  /** Cognitive complexity (SonarSource); null where no analyzer measures it (Python, Java). */
  cognitive: number | null;
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

export type RepositoryMetrics = {
  files: number;
  codeLines: number;
  commentLines: number;
  testFiles: number;
  functions: FunctionMetrics[];
  duplicatedLines: number;
  findings: Finding[];
};

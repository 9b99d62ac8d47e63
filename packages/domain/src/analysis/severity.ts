import { FINDING_SEVERITIES, type FindingSeverity } from "../enums";

type Located = { severity: FindingSeverity; filePath: string; line: number };

/** The order findings are stored and shown in: worst first, then by file and line. */
export function compareFindings(a: Located, b: Located): number {
  return (
    FINDING_SEVERITIES.indexOf(a.severity) - FINDING_SEVERITIES.indexOf(b.severity) ||
    a.filePath.localeCompare(b.filePath) ||
    a.line - b.line
  );
}

import type { FindingSeverity } from "@edu/domain";

/** What a feedback draft is written from: one submission, its findings, and the student's earlier work. */
export type FeedbackDraftInput = {
  assignmentTitle: string;
  codeQualityScore: number | null;
  complexityScore: number | null;
  findings: {
    filePath: string;
    line: number;
    rule: string;
    severity: FindingSeverity;
    message: string;
    metricValue: number | null;
  }[];
  /** Quality scores of the student's earlier scored submissions, oldest first. */
  previousScores: number[];
};

/** The asking student's own data, and nothing else: the chat is grounded on this alone. */
export type StudentContext = {
  name: string;
  points: number;
  level: number;
  streak: number;
  pointsToNextLevel: number;
  deadlines: { title: string; className: string; dueDate: Date; submitted: boolean }[];
  recentScores: { title: string; codeQualityScore: number | null; submittedAt: Date }[];
  recentFeedback: { title: string; content: string; rating: number | null; createdAt: Date }[];
  badges: { name: string; rarity: string }[];
  grievances: { category: string; status: string; createdAt: Date }[];
};

export interface AiProvider {
  readonly name: string;
  draftFeedback(input: FeedbackDraftInput): Promise<string>;
  chatReply(question: string, context: StudentContext, now: Date): Promise<string>;
}

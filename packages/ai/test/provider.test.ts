import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  aiEnvSchema,
  createAiProvider,
  embeddedProvider,
  type FeedbackDraftInput,
  type StudentContext,
  writeFeedbackDraft,
} from "../src/index";
import { startOpenAiServer } from "./openai-server";

let server: Awaited<ReturnType<typeof startOpenAiServer>>;
const log = pino({ level: "silent" });
const draftInput: FeedbackDraftInput = {
  assignmentTitle: "Word counter",
  codeQualityScore: 64,
  complexityScore: 7.5,
  previousScores: [70],
  findings: [
    {
      filePath: "src/util.py",
      line: 3,
      rule: "duplication",
      severity: "MINOR",
      message: "12 lines repeat src/io.py:4-15",
      metricValue: 12,
    },
    {
      filePath: "src/count.py",
      line: 10,
      rule: "cyclomatic-complexity",
      severity: "MAJOR",
      message: "count has a cyclomatic complexity of 14 (limit 10)",
      metricValue: 14,
    },
  ],
};
const context: StudentContext = {
  name: "Sam",
  points: 120,
  level: 2,
  streak: 3,
  pointsToNextLevel: 180,
  deadlines: [],
  recentScores: [],
  recentFeedback: [],
  badges: [],
  grievances: [],
};

beforeAll(async () => {
  server = await startOpenAiServer();
});
beforeEach(() => {
  Object.assign(server.state, {
    reply: "Split count() into smaller functions.",
    delayMs: 0,
    status: 200,
    requests: [],
  });
});
afterAll(async () => {
  await server?.close();
});

const provider = (timeoutMs = 2000) =>
  createAiProvider(
    aiEnvSchema.parse({
      LLM_BASE_URL: server.url,
      LLM_API_KEY: "sk-test",
      LLM_MODEL: "tiny-model",
      LLM_TIMEOUT_MS: String(timeoutMs),
    }),
    log,
  );

describe("embedded writer", () => {
  it("drafts deterministically, worst finding first with file, line and metric, and notes the trend", () => {
    const text = writeFeedbackDraft(draftInput);
    expect(writeFeedbackDraft(draftInput)).toBe(text);
    expect(text.indexOf("src/count.py:10")).toBeLessThan(text.indexOf("src/util.py:3"));
    expect(text).toContain("cyclomatic-complexity = 14");
    expect(text).toContain("6 points below your previous submission");
    expect(text).toMatch(/split it into smaller functions/);
  });

  it("is the provider when no LLM endpoint is configured", () => {
    expect(createAiProvider(aiEnvSchema.parse({}), log)).toBe(embeddedProvider);
  });
});

describe("OpenAI-compatible provider", () => {
  it("sends the model, the key and the grounded context, and returns the reply", async () => {
    const reply = await provider().chatReply("What is my level?", context, new Date("2026-11-25T10:00:00Z"));
    expect(reply).toBe("Split count() into smaller functions.");
    const request = server.state.requests[0];
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe("Bearer sk-test");
    expect(request?.body.model).toBe("tiny-model");
    expect(request?.body.messages[0]?.content).toContain('"pointsToNextLevel":180');
    expect(request?.body.messages[1]).toEqual({ role: "user", content: "What is my level?" });
  });

  it("falls back to the embedded writer when the endpoint is slower than the timeout", async () => {
    server.state.delayMs = 1_500;
    const started = Date.now();
    const text = await provider(300).draftFeedback(draftInput);
    expect(Date.now() - started).toBeLessThan(1_400);
    expect(text).toBe(writeFeedbackDraft(draftInput));
  });

  it("falls back on a server error and on an empty reply", async () => {
    server.state.status = 500;
    expect(await provider().draftFeedback(draftInput)).toBe(writeFeedbackDraft(draftInput));
    server.state.status = 200;
    server.state.reply = "  ";
    expect(await provider().chatReply("help", context, new Date())).toBe(
      await embeddedProvider.chatReply("help", context, new Date()),
    );
  });

  it("strips characters PostgreSQL cannot store from replies before they are saved", async () => {
    server.state.reply = "ok\u0000 then \ud800done";
    expect(await provider().chatReply("help", context, new Date())).toBe("ok then done");
  });
});

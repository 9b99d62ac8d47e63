// An OpenAI-compatible chat-completions provider (OpenAI, Ollama, vLLM), with a timeout, that falls back to
// the embedded writer whenever the endpoint is slow, failing or answers something unusable.
import type { Logger } from "pino";
import type { AiConfig } from "./config";
import type { AiProvider, FeedbackDraftInput, StudentContext } from "./types";

type Message = { role: "system" | "user"; content: string };

const MAX_REPLY_CHARS = 8_000;

const FEEDBACK_PROMPT =
  "You are a programming teacher's assistant. Draft specific, kind feedback on a student's submission from the " +
  "analysis below: name files, lines and metrics, worst first, each with a concrete fix. Under 200 words.";
const CHAT_PROMPT =
  "You answer a student's questions about their own course data. Use ONLY the JSON context given; if the answer " +
  "is not in it, say you do not know. Be brief.";

export class OpenAiCompatibleProvider implements AiProvider {
  readonly name = "openai-compatible";

  constructor(
    private readonly config: AiConfig & { LLM_BASE_URL: string },
    private readonly fallback: AiProvider,
    private readonly log: Logger,
  ) {}

  private async complete(messages: Message[]): Promise<string> {
    const response = await fetch(`${this.config.LLM_BASE_URL.replace(/\/$/, "")}/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.config.LLM_API_KEY ? { authorization: `Bearer ${this.config.LLM_API_KEY}` } : {}),
      },
      body: JSON.stringify({ model: this.config.LLM_MODEL, messages, temperature: 0.2 }),
      signal: AbortSignal.timeout(this.config.LLM_TIMEOUT_MS),
      redirect: "error", // the configured endpoint answers itself; a redirect could lead anywhere
    });
    if (!response.ok) throw new Error(`LLM endpoint answered ${response.status}`);
    const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== "string" || content.trim() === "")
      throw new Error("LLM reply has no message content");
    // Replies are stored as chat messages: PostgreSQL refuses NUL and would alter lone surrogates.
    return content
      .replaceAll("\u0000", "")
      .replace(/\p{Cs}/gu, "")
      .trim()
      .slice(0, MAX_REPLY_CHARS);
  }

  private async withFallback(
    what: string,
    call: () => Promise<string>,
    fallback: () => Promise<string>,
  ): Promise<string> {
    try {
      return await call();
    } catch (error) {
      this.log.warn({ err: error, what }, "LLM provider failed; using the embedded writer");
      return fallback();
    }
  }

  draftFeedback(input: FeedbackDraftInput): Promise<string> {
    return this.withFallback(
      "feedback",
      () =>
        this.complete([
          { role: "system", content: FEEDBACK_PROMPT },
          { role: "user", content: JSON.stringify(input) },
        ]),
      () => this.fallback.draftFeedback(input),
    );
  }

  chatReply(question: string, context: StudentContext, now: Date): Promise<string> {
    return this.withFallback(
      "chat",
      () =>
        this.complete([
          {
            role: "system",
            content: `${CHAT_PROMPT}\nToday is ${now.toISOString().slice(0, 10)}.\nContext: ${JSON.stringify(context)}`,
          },
          { role: "user", content: question },
        ]),
      () => this.fallback.chatReply(question, context, now),
    );
  }
}

import { z } from "zod";

/** Settings for the OpenAI-compatible provider (OpenAI, Ollama, vLLM); without LLM_BASE_URL the embedded writer is used. */
export const aiEnvSchema = z.object({
  LLM_BASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
});

export type AiConfig = z.infer<typeof aiEnvSchema>;

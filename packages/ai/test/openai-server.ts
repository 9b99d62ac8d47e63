import { createServer, type IncomingMessage } from "node:http";

export type RecordedRequest = {
  path: string;
  headers: IncomingMessage["headers"];
  body: { model: string; messages: { role: string; content: string }[] };
};

/**
 * A local server speaking OpenAI's chat-completions protocol, for tests: it answers `reply`, after `delayMs`,
 * or with `status` when told to fail, and records every request.
 */
export async function startOpenAiServer() {
  const state = { reply: "Looks good.", delayMs: 0, status: 200, requests: [] as RecordedRequest[] };
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    state.requests.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(raw || "{}") });
    await new Promise((r) => setTimeout(r, state.delayMs));
    if (res.destroyed) return;
    res.writeHead(state.status, { "content-type": "application/json" });
    res.end(
      state.status === 200
        ? JSON.stringify({
            id: "chatcmpl-test",
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: state.requests.at(-1)?.body.model,
            choices: [
              { index: 0, message: { role: "assistant", content: state.reply }, finish_reason: "stop" },
            ],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          })
        : JSON.stringify({ error: { message: "server error", type: "server_error" } }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v1`,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())).then(() => server.closeAllConnections()),
  };
}

import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";
import type { AppRouter } from "./root";

/**
 * A typed client for scripts and services: `createClient({ url: "http://localhost:3000/trpc", token })`.
 * Without a token, call `auth.login` first and pass the returned token to a new client.
 */
export function createClient({ url, token }: { url: string; token?: string | null }) {
  const headers = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url,
          transformer: superjson,
          // Node 20 has no EventSource; this one (the `eventsource` package) also lets the token travel as a header.
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input: string | URL | Request, init?: RequestInit) => {
              const merged = new Headers(init?.headers);
              for (const [name, value] of Object.entries(headers())) merged.set(name, value);
              return fetch(input, { ...init, headers: merged });
            },
          }),
        }),
        // maxItems matches the server's MAX_BATCH_SIZE default: larger batches are split, not refused.
        false: httpBatchLink({ url, transformer: superjson, headers, maxItems: 20 }),
      }),
    ],
  });
}

export type EduClient = ReturnType<typeof createClient>;

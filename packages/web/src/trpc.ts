import type { AppRouter } from "@edu/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";

/** The SPA's typed client: same-origin /trpc, authenticated by the httpOnly session cookie. */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/trpc",
      transformer: superjson,
      // The api refuses batches of more than 20 calls (MAX_BATCH_SIZE).
      maxItems: 20,
      fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
    }),
  ],
});

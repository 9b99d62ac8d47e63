import type { AppRouter } from "@edu/api";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";

/** What each procedure answers, for typing components. */
export type Outputs = inferRouterOutputs<AppRouter>;
export type Me = Outputs["auth"]["me"];

/** True for the api's "you are not signed in" answer (no session, or it expired). */
export const isUnauthorized = (error: unknown) =>
  error instanceof TRPCClientError && error.data?.code === "UNAUTHORIZED";

/** Set by the router: where to go when the session ends mid-use. */
let onSessionEnded = () => {};
export const whenSessionEnds = (handler: () => void) => {
  onSessionEnded = handler;
};

const endSessionOn = (error: unknown) => {
  if (isUnauthorized(error)) onSessionEnded();
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: endSessionOn }),
  mutationCache: new MutationCache({ onError: endSessionOn }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Access and validation errors do not heal by asking again.
      retry: (count, error) =>
        count < 2 && !(error instanceof TRPCClientError && error.data?.httpStatus < 500),
    },
  },
});

/** The typed client: same-origin /trpc with the httpOnly session cookie; subscriptions over server-sent events. */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url: "/trpc", transformer: superjson }),
      false: httpBatchLink({
        url: "/trpc",
        transformer: superjson,
        // The api refuses batches of more than 20 calls (MAX_BATCH_SIZE).
        maxItems: 20,
        fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
      }),
    }),
  ],
});

/** Query and mutation options, keys and filters by procedure path: `trpc.submission.get.queryOptions(...)`. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

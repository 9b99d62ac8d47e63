import type { AppRouter } from "@edu/api";
import type { inferRouterOutputs } from "@trpc/server";

/** What each procedure answers, for typing components. */
export type Outputs = inferRouterOutputs<AppRouter>;
export type Me = Outputs["auth"]["me"];

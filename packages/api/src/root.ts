import { authRouter } from "./router/auth";
import { userRouter } from "./router/user";
import { createCallerFactory, router } from "./trpc";

/** Every domain router, merged: the procedure names here are the public API (README, "API"). */
export const appRouter = router({
  auth: authRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

import { assignmentRouter } from "./router/assignment";
import { auditRouter } from "./router/audit";
import { authRouter } from "./router/auth";
import { badgeRouter } from "./router/badge";
import { chatRouter } from "./router/chat";
import { classRouter } from "./router/class";
import { feedbackRouter } from "./router/feedback";
import { gamificationRouter } from "./router/gamification";
import { grievanceRouter } from "./router/grievance/index";
import { institutionRouter } from "./router/institution";
import { leaderboardRouter } from "./router/leaderboard";
import { riskRouter } from "./router/risk";
import { studentRouter } from "./router/student";
import { submissionRouter } from "./router/submission";
import { updatesRouter } from "./router/updates";
import { userRouter } from "./router/user";
import { createCallerFactory, router } from "./trpc";

/** Every domain router, merged: the procedure names here are the public API (README, "API"). */
export const appRouter = router({
  auth: authRouter,
  user: userRouter,
  student: studentRouter,
  institution: institutionRouter,
  class: classRouter,
  assignment: assignmentRouter,
  submission: submissionRouter,
  feedback: feedbackRouter,
  grievance: grievanceRouter,
  badge: badgeRouter,
  gamification: gamificationRouter,
  leaderboard: leaderboardRouter,
  risk: riskRouter,
  chat: chatRouter,
  audit: auditRouter,
  updates: updatesRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

import type { Prisma } from "@edu/db";
import { router } from "../trpc";

/** The user fields any caller may see; never the password hash. */
export const publicUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  institutionId: true,
  avatarUrl: true,
  language: true,
  theme: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export const userRouter = router({});

import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { AppLayout } from "./shell/AppLayout";
import { LoginPage, safeRedirect } from "./shell/LoginPage";
import { NotFound } from "./shell/NotFound";
import { isUnauthorized, type Me, queryClient, trpc, whenSessionEnds } from "./trpc";

type Role = Me["role"];

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === "string" ? { redirect: search.redirect } : {},
  component: LoginPage,
});

/** Every page behind sign-in: the session is checked once here, and the pages get `me` from the context. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    try {
      return { me: await context.queryClient.ensureQueryData(trpc.auth.me.queryOptions()) };
    } catch (error) {
      if (isUnauthorized(error)) throw redirect({ to: "/login", search: { redirect: location.href } });
      throw error;
    }
  },
  component: AppLayout,
});

const HOME: Record<Role, "/dashboard" | "/classes" | "/grievances"> = {
  STUDENT: "/dashboard",
  TEACHER: "/classes",
  ADMIN: "/classes",
  MENTOR: "/grievances",
};

/** A page for some roles only: others are sent to their own home page. */
const onlyFor =
  (...roles: Role[]) =>
  ({ context }: { context: { me: Me } }) => {
    if (!roles.includes(context.me.role)) throw redirect({ to: HOME[context.me.role] });
  };

const page = <TPath extends string>(
  path: TPath,
  load: () => Promise<Record<string, unknown>>,
  name: string,
  roles?: Role[],
) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    beforeLoad: roles ? onlyFor(...roles) : undefined,
    // biome-ignore lint/suspicious/noExplicitAny: each page module exports its component by name
    component: lazyRouteComponent(load as () => Promise<any>, name),
  });

const STAFF: Role[] = ["TEACHER", "ADMIN"];

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  beforeLoad: ({ context }) => {
    throw redirect({ to: HOME[context.me.role] });
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    page("/dashboard", () => import("./pages/student/Dashboard"), "Dashboard", ["STUDENT"]),
    page("/progress", () => import("./pages/student/Progress"), "Progress", ["STUDENT"]),
    page("/assistant", () => import("./pages/student/Assistant"), "Assistant", ["STUDENT"]),
    page("/assignments/$assignmentId", () => import("./pages/shared/AssignmentPage"), "AssignmentPage"),
    page("/submissions/$submissionId", () => import("./pages/shared/SubmissionPage"), "SubmissionPage"),
    page("/classes", () => import("./pages/teacher/Classes"), "Classes", STAFF),
    page("/classes/$classId", () => import("./pages/teacher/ClassPage"), "ClassPage", STAFF),
    page(
      "/classes/$classId/assignments/new",
      () => import("./pages/teacher/AssignmentEditor"),
      "NewAssignment",
      STAFF,
    ),
    page(
      "/assignments/$assignmentId/edit",
      () => import("./pages/teacher/AssignmentEditor"),
      "EditAssignment",
      STAFF,
    ),
    page("/students/$studentId", () => import("./pages/teacher/StudentPage"), "StudentPage", [
      ...STAFF,
      "MENTOR",
    ]),
    page("/grievances", () => import("./pages/shared/Grievances"), "Grievances"),
    page("/grievances/$grievanceId", () => import("./pages/shared/GrievancePage"), "GrievancePage"),
    page("/audit", () => import("./pages/teacher/AuditLog"), "AuditLog", ["ADMIN"]),
    page("/settings", () => import("./pages/shared/Settings"), "Settings"),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

// Whether this document has moved between pages yet: on a fresh load focus stays at the document's start.
let navigatedSinceLoad = false;
router.subscribe("onBeforeNavigate", ({ fromLocation }) => {
  if (fromLocation) navigatedSinceLoad = true;
});
export const hasNavigatedSinceLoad = () => navigatedSinceLoad;

// A session that ends mid-use (expired, signed out elsewhere) returns to sign-in, and from there to this page.
whenSessionEnds(() => {
  const here = router.state.location;
  if (here.pathname === "/login") return;
  queryClient.clear();
  void router.navigate({ to: "/login", search: { redirect: safeRedirect(here.href) } });
});

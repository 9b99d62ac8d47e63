import type { Me } from "../trpc";

type NavItem = {
  to: "/dashboard" | "/progress" | "/assistant" | "/classes" | "/grievances" | "/audit";
  label: string;
};

/** The navigation of each role; labels are translation keys. */
export const NAV: Record<Me["role"], NavItem[]> = {
  STUDENT: [
    { to: "/dashboard", label: "nav.dashboard" },
    { to: "/progress", label: "nav.progress" },
    { to: "/assistant", label: "nav.assistant" },
    { to: "/grievances", label: "nav.grievances" },
  ],
  TEACHER: [
    { to: "/classes", label: "nav.classes" },
    { to: "/grievances", label: "nav.grievances" },
  ],
  MENTOR: [{ to: "/grievances", label: "nav.grievances" }],
  ADMIN: [
    { to: "/classes", label: "nav.classes" },
    { to: "/grievances", label: "nav.grievances" },
    { to: "/audit", label: "nav.audit" },
  ],
};

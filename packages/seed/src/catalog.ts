export const DEMO_PASSWORD = "demo-password";
export const DEMO_DOMAIN = "demo.edu";

export const DEMO_LOGINS = {
  admin: `admin@${DEMO_DOMAIN}`,
  teacher: `teacher@${DEMO_DOMAIN}`,
  mentor: `mentor@${DEMO_DOMAIN}`,
  student: `student@${DEMO_DOMAIN}`,
} as const;

export const CLASSES = [
  {
    key: "python",
    name: "Intro to Programming (Python)",
    description: "Variables to functions, with weekly katas.",
  },
  { key: "web", name: "Web Development with JavaScript", description: "DOM, fetch, and a small React app." },
  { key: "java", name: "Data Structures in Java", description: "Lists, trees, graphs and their complexity." },
] as const;

/** Per class: assignment titles, each due this many days from the seed's day (past ones have submissions). */
export const ASSIGNMENTS: Record<(typeof CLASSES)[number]["key"], { title: string; dueInDays: number }[]> = {
  python: [
    { title: "FizzBuzz and friends", dueInDays: -24 },
    { title: "Word frequency counter", dueInDays: -10 },
    { title: "Text adventure engine", dueInDays: 3 },
    { title: "CSV report generator", dueInDays: 17 },
  ],
  web: [
    { title: "Personal landing page", dueInDays: -21 },
    { title: "Weather dashboard with fetch", dueInDays: -7 },
    { title: "Todo app in React", dueInDays: 5 },
    { title: "Accessible form wizard", dueInDays: 19 },
  ],
  java: [
    { title: "Linked list from scratch", dueInDays: -18 },
    { title: "Binary search tree", dueInDays: -4 },
    { title: "Graph traversal (BFS/DFS)", dueInDays: 8 },
    { title: "LRU cache", dueInDays: 22 },
  ],
};

export const FEEDBACK_SNIPPETS = [
  "Nice decomposition into small functions. Consider adding tests for the edge cases (empty input).",
  "The main loop is doing three jobs; extracting the parsing step would make it easier to follow.",
  "Good naming throughout. The nested conditionals in the core function could be flattened with early returns.",
  "Solid work. Watch out for the duplicated block in the two handlers — a shared helper would remove it.",
  "Correct, but the complexity of the search is quadratic; a map lookup would make it linear.",
  "Please add a README explaining how to run it, and remove the commented-out code.",
];

export const GRIEVANCE_TEXTS = {
  GRADE: "I think my grade for this assignment does not reflect the tests that pass.",
  FEEDBACK: "The feedback mentions a file that is not in my repository.",
  FAIRNESS: "Late penalties seem to be applied differently between groups.",
  OTHER: "I am struggling to keep up and would like to talk about my workload.",
} as const;

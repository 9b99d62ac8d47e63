import type { StudentContext } from "./types";

const day = (d: Date) => d.toISOString().slice(0, 10);

function daysUntil(date: Date, now: Date): string {
  const days = Math.round((date.getTime() - now.getTime()) / 86_400_000);
  return days === 0 ? "today" : days === 1 ? "tomorrow" : days > 0 ? `in ${days} days` : `${-days} days ago`;
}

type Intent = { name: string; match: RegExp; answer(context: StudentContext, now: Date): string };

// Each intent answers from the student's own context only; the first that matches wins.
const INTENTS: Intent[] = [
  {
    name: "deadlines",
    match: /deadline|due|next assignment|when/i,
    answer(c, now) {
      const upcoming = c.deadlines.filter((d) => d.dueDate >= now && !d.submitted).slice(0, 3);
      if (upcoming.length === 0) return "You have no open deadlines right now.";
      return `Your next deadlines: ${upcoming.map((d) => `"${d.title}" (${d.className}) ${daysUntil(d.dueDate, now)}, on ${day(d.dueDate)}`).join("; ")}.`;
    },
  },
  {
    name: "scores",
    match: /score|grade|quality|mark/i,
    answer(c) {
      const scored = c.recentScores.filter((s) => s.codeQualityScore !== null).slice(0, 3);
      if (scored.length === 0) return "None of your submissions has a score yet.";
      return `Your latest scores: ${scored.map((s) => `"${s.title}" ${Math.round(s.codeQualityScore ?? 0)}/100`).join(", ")}.`;
    },
  },
  {
    name: "feedback",
    match: /feedback|comment|review/i,
    answer(c) {
      const latest = c.recentFeedback[0];
      if (!latest) return "You have no feedback yet.";
      return `Your latest feedback, on "${latest.title}": ${latest.content}`;
    },
  },
  {
    name: "progress",
    match: /point|level|streak|rank|progress/i,
    answer: (c) =>
      `You have ${c.points} points (level ${c.level}, ${c.pointsToNextLevel} to the next level) and a ${c.streak}-day streak.`,
  },
  {
    name: "badges",
    match: /badge|achievement/i,
    answer: (c) =>
      c.badges.length === 0
        ? "You have not unlocked a badge yet; submitting your first assignment earns one."
        : `Your badges: ${c.badges.map((b) => `${b.name} (${b.rarity.toLowerCase()})`).join(", ")}.`,
  },
  {
    name: "grievances",
    match: /grievance|complaint|appeal/i,
    answer: (c) =>
      c.grievances.length === 0
        ? "You have no grievances on file."
        : `Your grievances: ${c.grievances.map((g) => `${g.category.toLowerCase()} filed ${day(g.createdAt)}, ${g.status.toLowerCase().replace("_", " ")}`).join("; ")}.`,
  },
];

const HELP =
  "I can tell you about your deadlines, scores, feedback, points and streak, badges, and grievances. Try “When is my next deadline?”";

/** A deterministic reply from the student's own data. */
export function writeChatReply(question: string, context: StudentContext, now: Date): string {
  const intent = INTENTS.find((i) => i.match.test(question));
  return intent ? intent.answer(context, now) : HELP;
}

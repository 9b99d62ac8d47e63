import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Me } from "../api";
import { FeedbackComposer } from "../components/FeedbackComposer";
import { GrievanceList } from "../components/Grievances";
import { Leaderboard } from "../components/Leaderboard";
import { formatDate, Loadable, Section } from "../components/Section";
import { trpc } from "../trpc";

function AtRisk(props: { classId: string }) {
  const atRisk = useQuery({
    queryKey: ["at-risk", props.classId],
    queryFn: () => trpc.risk.atRisk.query({ classId: props.classId, minLevel: "HIGH" }),
  });
  return (
    <Loadable query={atRisk} empty={(rows) => rows.length === 0} emptyText="Nobody at high risk.">
      {(rows) => (
        <ul>
          {rows.map((s) => (
            <li key={s.id}>
              {s.user.name} — {s.riskLevel?.toLowerCase()} ({Math.round((s.riskScore ?? 0) * 100)}%)
            </li>
          ))}
        </ul>
      )}
    </Loadable>
  );
}

function ClassSubmissions(props: { classId: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const assignments = useQuery({
    queryKey: ["assignments", props.classId],
    queryFn: () => trpc.assignment.list.query({ classId: props.classId }),
  });
  const latest = assignments.data?.filter((a) => a.dueDate <= new Date()).at(-1);
  const submissions = useQuery({
    queryKey: ["class-submissions", latest?.id],
    queryFn: () => trpc.submission.list.query({ assignmentId: latest?.id, limit: 20 }),
    enabled: Boolean(latest),
  });
  if (!latest) return <p className="muted">No assignment is past its due date yet.</p>;
  return (
    <>
      <h3>{latest.title}</h3>
      <Loadable query={submissions} empty={(page) => page.items.length === 0} emptyText="No submissions.">
        {(page) => (
          <ul className="stack">
            {page.items.map((s) => (
              <li key={s.id}>
                {formatDate(s.submittedAt)} · {s.githubUrl.replace("https://github.com/", "")} ·{" "}
                {s.codeQualityScore === null ? s.analysisStatus.toLowerCase() : `${s.codeQualityScore}/100`}{" "}
                <button type="button" onClick={() => setOpen(open === s.id ? null : s.id)}>
                  Feedback
                </button>
                {open === s.id && <FeedbackComposer submissionId={s.id} />}
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </>
  );
}

function AuditTrail() {
  const audit = useQuery({ queryKey: ["audit"], queryFn: () => trpc.audit.list.query({ limit: 15 }) });
  return (
    <Loadable query={audit} empty={(page) => page.items.length === 0}>
      {(page) => (
        <ul>
          {page.items.map((row) => (
            <li key={row.id}>
              {row.createdAt.toLocaleString()} · {row.action} · {row.resource}
            </li>
          ))}
        </ul>
      )}
    </Loadable>
  );
}

export function StaffHome(props: { me: Me }) {
  const classes = useQuery({ queryKey: ["classes"], queryFn: () => trpc.class.list.query() });
  const teaches = props.me.role === "TEACHER";
  return (
    <div className="grid">
      <Section title={props.me.role === "ADMIN" ? "All grievances" : "Grievances assigned to me"}>
        <GrievanceList scope={props.me.role === "ADMIN" ? "all" : "assigned"} canAct />
      </Section>
      {props.me.role === "ADMIN" && (
        <Section title="Audit trail">
          <AuditTrail />
        </Section>
      )}
      <Loadable query={classes} empty={(rows) => rows.length === 0} emptyText="No classes.">
        {(rows) =>
          rows.map((c) => (
            <Section key={c.id} title={`${c.name} · ${c._count.enrollments} students`}>
              {teaches && <ClassSubmissions classId={c.id} />}
              {(teaches || props.me.role === "ADMIN") && (
                <>
                  <h3>At risk</h3>
                  <AtRisk classId={c.id} />
                </>
              )}
              <h3>Leaderboard</h3>
              <Leaderboard classId={c.id} />
            </Section>
          ))
        }
      </Loadable>
    </div>
  );
}

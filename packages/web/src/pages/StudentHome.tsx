import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Me } from "../api";
import { Chat } from "../components/Chat";
import { GrievanceForm, GrievanceList } from "../components/Grievances";
import { Leaderboard } from "../components/Leaderboard";
import { formatDate, Loadable, Section } from "../components/Section";
import { trpc } from "../trpc";

function SubmitForm(props: { assignmentId: string }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const submit = useMutation({
    mutationFn: () => trpc.submission.create.mutate({ assignmentId: props.assignmentId, githubUrl: url }),
    onSuccess: () => {
      setUrl("");
      return queryClient.invalidateQueries({ queryKey: ["submissions"] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="row" aria-label="Submit a repository">
      <input
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        placeholder="https://github.com/you/repo"
        required
      />
      <button type="submit" disabled={submit.isPending}>
        Submit
      </button>
      {submit.error && <span role="alert">{submit.error.message}</span>}
    </form>
  );
}

function ClassCard(props: { classId: string; name: string; studentId: string }) {
  const assignments = useQuery({
    queryKey: ["assignments", props.classId],
    queryFn: () => trpc.assignment.list.query({ classId: props.classId }),
  });
  return (
    <Section title={props.name}>
      <Loadable query={assignments} empty={(rows) => rows.length === 0} emptyText="No assignments yet.">
        {(rows) => (
          <ul className="stack">
            {rows.map((a) => (
              <li key={a.id}>
                <strong>{a.title}</strong> — due {formatDate(a.dueDate)}
                {a.dueDate > new Date() && <SubmitForm assignmentId={a.id} />}
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <h3>Leaderboard</h3>
      <Leaderboard classId={props.classId} highlight={props.studentId} />
    </Section>
  );
}

export function StudentHome(props: { me: Me }) {
  const studentId = props.me.studentId ?? "";
  const progress = useQuery({ queryKey: ["progress"], queryFn: () => trpc.gamification.progress.query({}) });
  const classes = useQuery({ queryKey: ["classes"], queryFn: () => trpc.class.list.query() });
  const submissions = useQuery({
    queryKey: ["submissions"],
    queryFn: () => trpc.submission.list.query({ studentId, limit: 10 }),
  });
  const feedback = useQuery({
    queryKey: ["feedback", studentId],
    queryFn: () => trpc.feedback.listForStudent.query({ studentId, limit: 5 }),
  });
  const badges = useQuery({ queryKey: ["badges"], queryFn: () => trpc.badge.mine.query() });
  return (
    <div className="grid">
      <Section title="Progress">
        <Loadable query={progress}>
          {(p) => (
            <p>
              Level <strong>{p.level}</strong> · {p.points} points · {p.pointsToNextLevel} to the next level ·{" "}
              {p.streak}-day streak
            </p>
          )}
        </Loadable>
        <Loadable query={badges} empty={(rows) => rows.length === 0} emptyText="No badges yet.">
          {(rows) => (
            <p>{rows.map((b) => `${b.badge.name} (${b.badge.rarity.toLowerCase()})`).join(" · ")}</p>
          )}
        </Loadable>
      </Section>
      <Section title="My submissions">
        <Loadable
          query={submissions}
          empty={(page) => page.items.length === 0}
          emptyText="Nothing submitted yet."
        >
          {(page) => (
            <table>
              <tbody>
                {page.items.map((s) => (
                  <tr key={s.id}>
                    <td>{formatDate(s.submittedAt)}</td>
                    <td>{s.githubUrl.replace("https://github.com/", "")}</td>
                    <td>
                      {s.analysisStatus === "SCORED"
                        ? `${s.codeQualityScore}/100`
                        : (s.analysisMessage ?? s.analysisStatus.toLowerCase())}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loadable>
      </Section>
      <Section title="Latest feedback">
        <Loadable query={feedback} empty={(page) => page.items.length === 0} emptyText="No feedback yet.">
          {(page) => (
            <ul className="stack">
              {page.items.map((f) => (
                <li key={f.id}>
                  <strong>{f.submission.assignment.title}</strong> — {f.teacher.name}: {f.content}
                </li>
              ))}
            </ul>
          )}
        </Loadable>
      </Section>
      <Loadable query={classes}>
        {(rows) =>
          rows.map((c) => <ClassCard key={c.id} classId={c.id} name={c.name} studentId={studentId} />)
        }
      </Loadable>
      <Section title="Ask the assistant">
        <Chat />
      </Section>
      <Section title="Grievances">
        <GrievanceList scope="mine" canAct={false} />
        <GrievanceForm />
      </Section>
    </div>
  );
}

import { useQuery } from "@tanstack/react-query";
import { trpc } from "../trpc";
import { Loadable } from "./Section";

export function Leaderboard(props: { classId: string; highlight?: string | null }) {
  const top = useQuery({
    queryKey: ["leaderboard", props.classId],
    queryFn: () => trpc.leaderboard.top.query({ classId: props.classId, limit: 10 }),
  });
  return (
    <Loadable query={top} empty={(rows) => rows.length === 0} emptyText="No students on the board yet.">
      {(rows) => (
        <ol className="board">
          {rows.map((r) => (
            <li key={r.studentId} className={r.studentId === props.highlight ? "me" : undefined}>
              <span>{r.name}</span> <strong>{r.points}</strong>
            </li>
          ))}
        </ol>
      )}
    </Loadable>
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { trpc } from "../trpc";
import { formatDate, Loadable } from "./Section";

type Scope = "mine" | "assigned" | "all";

export function GrievanceList(props: { scope: Scope; canAct: boolean }) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ["grievances", props.scope],
    queryFn: () => trpc.grievance.list.query({ scope: props.scope, limit: 50 }),
  });
  const move = useMutation({
    mutationFn: (input: { grievanceId: string; status: "IN_PROGRESS" | "CLOSED" }) =>
      trpc.grievance.updateStatus.mutate(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["grievances"] }),
  });
  const resolve = useMutation({
    mutationFn: (grievanceId: string) =>
      trpc.grievance.resolve.mutate({ grievanceId, resolution: "Resolved after review." }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["grievances"] }),
  });
  return (
    <Loadable query={list} empty={(page) => page.items.length === 0} emptyText="No grievances.">
      {(page) => (
        <table>
          <thead>
            <tr>
              <th>Filed</th>
              <th>Category</th>
              <th>Severity</th>
              <th>Status</th>
              <th>Assigned to</th>
              {props.canAct && <th />}
            </tr>
          </thead>
          <tbody>
            {page.items.map((g) => (
              <tr key={g.id} title={g.description}>
                <td>{formatDate(g.createdAt)}</td>
                <td>{g.category}</td>
                <td>{g.severity}</td>
                <td>{g.status.replace("_", " ")}</td>
                <td>{g.assignedTo?.name ?? "—"}</td>
                {props.canAct && (
                  <td>
                    {g.status === "OPEN" && (
                      <button
                        type="button"
                        onClick={() => move.mutate({ grievanceId: g.id, status: "IN_PROGRESS" })}
                      >
                        Start
                      </button>
                    )}
                    {g.status === "IN_PROGRESS" && (
                      <button type="button" onClick={() => resolve.mutate(g.id)}>
                        Resolve
                      </button>
                    )}
                    {g.status === "RESOLVED" && (
                      <button
                        type="button"
                        onClick={() => move.mutate({ grievanceId: g.id, status: "CLOSED" })}
                      >
                        Close
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Loadable>
  );
}

export function GrievanceForm() {
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<"GRADE" | "FEEDBACK" | "FAIRNESS" | "OTHER">("OTHER");
  const [severity, setSeverity] = useState<"LOW" | "MEDIUM" | "HIGH" | "CRITICAL">("LOW");
  const [description, setDescription] = useState("");
  const file = useMutation({
    mutationFn: () => trpc.grievance.file.mutate({ category, severity, description }),
    onSuccess: () => {
      setDescription("");
      return queryClient.invalidateQueries({ queryKey: ["grievances"] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="File a grievance" className="stack">
      <label>
        Category{" "}
        <select value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
          {["GRADE", "FEEDBACK", "FAIRNESS", "OTHER"].map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Severity{" "}
        <select value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
          {["LOW", "MEDIUM", "HIGH", "CRITICAL"].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <textarea
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        placeholder="What happened?"
        required
        maxLength={5000}
      />
      <button type="submit" disabled={file.isPending}>
        File grievance
      </button>
      {file.error && <p role="alert">{file.error.message}</p>}
    </form>
  );
}

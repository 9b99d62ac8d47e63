import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { trpc } from "../trpc";
import { Loadable } from "./Section";

export function Chat() {
  const queryClient = useQueryClient();
  const [question, setQuestion] = useState("");
  const history = useQuery({ queryKey: ["chat"], queryFn: () => trpc.chat.history.query({ limit: 20 }) });
  const send = useMutation({
    mutationFn: (content: string) => trpc.chat.send.mutate({ content }),
    onSuccess: () => {
      setQuestion("");
      return queryClient.invalidateQueries({ queryKey: ["chat"] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (question.trim()) send.mutate(question);
  };
  return (
    <div className="stack">
      <Loadable
        query={history}
        empty={(page) => page.items.length === 0}
        emptyText="Ask about your deadlines, scores, feedback or points."
      >
        {(page) => (
          <ul className="chat">
            {[...page.items].reverse().map((m) => (
              <li key={m.id} className={m.role === "USER" ? "from-me" : "from-bot"}>
                {m.content}
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <form onSubmit={submit} aria-label="Ask the assistant" className="row">
        <input
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder="When is my next deadline?"
          maxLength={2000}
        />
        <button type="submit" disabled={send.isPending}>
          Ask
        </button>
      </form>
      {send.error && <p role="alert">{send.error.message}</p>}
    </div>
  );
}

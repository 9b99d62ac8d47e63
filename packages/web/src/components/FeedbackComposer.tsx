import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { trpc } from "../trpc";

/** A teacher's feedback box: start from the AI draft or from scratch, then send it to the student. */
export function FeedbackComposer(props: { submissionId: string }) {
  const queryClient = useQueryClient();
  const [content, setContent] = useState("");
  const [fromDraft, setFromDraft] = useState(false);
  const draft = useMutation({
    mutationFn: () => trpc.feedback.suggest.query({ submissionId: props.submissionId }),
    onSuccess: (d) => {
      setContent(d.text);
      setFromDraft(true);
    },
  });
  const send = useMutation({
    mutationFn: () =>
      trpc.feedback.create.mutate({ submissionId: props.submissionId, content, aiSuggested: fromDraft }),
    onSuccess: () => {
      setContent("");
      return queryClient.invalidateQueries({ queryKey: ["class-submissions"] });
    },
  });
  return (
    <div className="stack">
      <textarea
        value={content}
        onChange={(e) => setContent(e.target.value)}
        rows={5}
        placeholder="Feedback for the student"
      />
      <div className="row">
        <button type="button" onClick={() => draft.mutate()} disabled={draft.isPending}>
          AI draft
        </button>
        <button type="button" onClick={() => send.mutate()} disabled={!content.trim() || send.isPending}>
          Send feedback
        </button>
        {send.isSuccess && <span className="muted">Sent.</span>}
      </div>
      {(draft.error ?? send.error) && <p role="alert">{(draft.error ?? send.error)?.message}</p>}
    </div>
  );
}

import { Alert, Button, Card, Group, Rating, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../components/notify";
import { type Outputs, trpc } from "../../trpc";

type Submission = Outputs["submission"]["get"];

/** The AI draft beside the findings: the teacher edits it, rates, and sends it to the student. */
export function ReviewComposer({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = useQuery({
    ...trpc.feedback.suggest.queryOptions({ submissionId: submission.id }),
    staleTime: Infinity,
  });
  const [content, setContent] = useState("");
  const [rating, setRating] = useState(0);
  // The draft fills the editor once; what the teacher types is never overwritten by a refetch.
  useEffect(() => {
    if (draft.data) setContent((current) => current || draft.data.text);
  }, [draft.data]);
  const send = useMutation(
    trpc.feedback.create.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t("review.sent"));
        setContent("");
        setRating(0);
        await queryClient.invalidateQueries(trpc.submission.pathFilter());
        await queryClient.invalidateQueries(trpc.assignment.reviewQueue.pathFilter());
      },
      onError: notifyError,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate({
      submissionId: submission.id,
      content,
      rating: rating || undefined,
      aiSuggested: Boolean(draft.data) && content.trim() === draft.data?.text.trim(),
    });
  };
  const alreadySent = submission.feedback.length > 0;
  return (
    <Card withBorder component="section" aria-labelledby="review-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="review-heading">
            {t("review.title")}
          </Title>
          {alreadySent && (
            <Alert color="yellow" role="status">
              {t("review.alreadySent", { count: submission.feedback.length })}
            </Alert>
          )}
          {draft.isPending && <Text size="sm">{t("review.drafting")}</Text>}
          {draft.isError && (
            <Text size="sm" c="red">
              {t("review.draftFailed")}
            </Text>
          )}
          <Textarea
            label={t("review.content")}
            description={draft.data ? t("review.draftFrom", { provider: draft.data.provider }) : undefined}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={20}
            maxLength={10_000}
            required
          />
          <Group gap="xs">
            <Text size="sm" id="rating-label">
              {t("review.rating")}
            </Text>
            <Rating value={rating} onChange={setRating} role="radiogroup" aria-labelledby="rating-label" />
          </Group>
          <Button
            type="submit"
            loading={send.isPending}
            disabled={!content.trim()}
            style={{ alignSelf: "flex-start" }}
          >
            {t(alreadySent ? "review.sendAnother" : "review.send")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

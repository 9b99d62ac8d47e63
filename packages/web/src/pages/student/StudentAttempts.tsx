import { Button, Stack, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { SubmissionTable } from "../../components/SubmissionTable";
import { useFormat } from "../../i18n/format";
import { useMe } from "../../shell/me";
import { trpc } from "../../trpc";

/** The submit form and the student's own attempts at one assignment. */
export function StudentAttempts(props: { assignmentId: string; dueDate: Date }) {
  const { t } = useTranslation();
  const _f = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const attempts = useQuery(
    trpc.submission.list.queryOptions({
      assignmentId: props.assignmentId,
      studentId: me.studentId ?? undefined,
      limit: 50,
    }),
  );
  const submit = useMutation(
    trpc.submission.create.mutationOptions({
      onSuccess: async (created) => {
        notifySuccess(t("submit.done"));
        await queryClient.invalidateQueries(trpc.submission.pathFilter());
        await queryClient.invalidateQueries(trpc.assignment.mine.pathFilter());
        await navigate({ to: "/submissions/$submissionId", params: { submissionId: created.id } });
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate({ assignmentId: props.assignmentId, githubUrl: url.trim() });
  };
  return (
    <Stack gap="lg">
      <form onSubmit={onSubmit}>
        <Stack gap="xs">
          <TextInput
            label={t("submit.url")}
            description={t("submit.urlHint")}
            placeholder="https://github.com/you/project"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={submit.error?.message}
            required
          />
          <Button type="submit" loading={submit.isPending} style={{ alignSelf: "flex-start" }}>
            {t("submit.button")}
          </Button>
        </Stack>
      </form>
      <section aria-labelledby="attempts-heading">
        <Title order={2} size="h3" id="attempts-heading" mb="sm">
          {t("submit.attempts")}
        </Title>
        <QueryState query={attempts} isEmpty={(p) => p.items.length === 0} empty={t("submit.noAttempts")}>
          {(page) => <SubmissionTable submissions={page.items} dueDate={props.dueDate} />}
        </QueryState>
      </section>
    </Stack>
  );
}

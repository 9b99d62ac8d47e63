import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams, useRouter } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { AnchorLink } from "../../shell/links";
import { Page } from "../../shell/Page";
import { type Outputs, trpc } from "../../trpc";

type Fields = { title: string; description: string; dueDate: Date; starterPaths: string[] };

/** A `datetime-local` value in the browser's time zone, as the input shows it. */
export const toLocalInput = (date: Date) => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};

function AssignmentForm(props: {
  initial?: Outputs["assignment"]["get"];
  pending: boolean;
  error?: string;
  submitLabel: string;
  onSubmit(fields: Fields): void;
}) {
  const { t } = useTranslation();
  const router = useRouter();
  const [title, setTitle] = useState(props.initial?.title ?? "");
  const [description, setDescription] = useState(props.initial?.description ?? "");
  const [due, setDue] = useState(props.initial ? toLocalInput(props.initial.dueDate) : "");
  const [starter, setStarter] = useState(props.initial?.starterPaths?.join("\n") ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const starterPaths = starter
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    props.onSubmit({ title, description, dueDate: new Date(due), starterPaths });
  };
  return (
    <form onSubmit={submit}>
      <Stack maw={640}>
        <TextInput
          label={t("assignment.title")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          required
        />
        <Textarea
          label={t("assignment.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          maxLength={10_000}
          autosize
          minRows={5}
        />
        <TextInput
          label={t("assignment.due")}
          type="datetime-local"
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t("assignment.starterPaths")}
          description={t("assignment.starterPathsHint")}
          value={starter}
          onChange={(e) => setStarter(e.currentTarget.value)}
          autosize
          minRows={2}
          ff="monospace"
        />
        {props.error && (
          <Text c="red" size="sm" role="alert">
            {props.error}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={() => router.history.back()}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewAssignment() {
  const { t } = useTranslation();
  const { classId } = useParams({ from: "/app/classes/$classId/assignments/new" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.assignment.create.mutationOptions({
      onSuccess: async (created) => {
        notifySuccess(t("assignment.created"));
        await queryClient.invalidateQueries(trpc.assignment.pathFilter());
        await queryClient.invalidateQueries(trpc.class.pathFilter());
        await navigate({ to: "/assignments/$assignmentId", params: { assignmentId: created.id } });
      },
    }),
  );
  return (
    <Page
      title={t("assignment.new")}
      crumbs={[
        <AnchorLink key="class" to="/classes/$classId" params={{ classId }}>
          {t("class.title")}
        </AnchorLink>,
      ]}
    >
      <AssignmentForm
        pending={create.isPending}
        error={create.error?.message}
        submitLabel={t("assignment.create")}
        onSubmit={(fields) =>
          create.mutate({ classId, ...fields, description: fields.description || undefined })
        }
      />
    </Page>
  );
}

export function EditAssignment() {
  const { t } = useTranslation();
  const { assignmentId } = useParams({ from: "/app/assignments/$assignmentId/edit" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const assignment = useQuery(trpc.assignment.get.queryOptions({ assignmentId }));
  const update = useMutation(
    trpc.assignment.update.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t("assignment.saved"));
        await queryClient.invalidateQueries(trpc.assignment.pathFilter());
        await navigate({ to: "/assignments/$assignmentId", params: { assignmentId } });
      },
    }),
  );
  return (
    <QueryState query={assignment}>
      {(a) => (
        <Page
          title={t("assignment.editTitle", { title: a.title })}
          crumbs={[
            <AnchorLink key="assignment" to="/assignments/$assignmentId" params={{ assignmentId }}>
              {a.title}
            </AnchorLink>,
          ]}
        >
          <AssignmentForm
            initial={a}
            pending={update.isPending}
            error={update.error?.message}
            submitLabel={t("assignment.save")}
            onSubmit={(fields) =>
              update.mutate({ assignmentId, ...fields, description: fields.description || undefined })
            }
          />
        </Page>
      )}
    </QueryState>
  );
}

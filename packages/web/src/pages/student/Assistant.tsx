import { Button, Card, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { Page } from "../../shell/Page";
import { type Outputs, trpc } from "../../trpc";

type Message = Outputs["chat"]["history"]["items"][number];

/** The assistant, answering from the student's own records; the conversation scrolls to each new answer. */
export function Assistant() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const history = useQuery(trpc.chat.history.queryOptions({ limit: 50 }));
  const [draft, setDraft] = useState("");
  const send = useMutation(
    trpc.chat.send.mutationOptions({
      onSuccess: async () => {
        setDraft("");
        await queryClient.invalidateQueries(trpc.chat.history.pathFilter());
      },
      onError: notifyError,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) send.mutate({ content: draft });
  };
  return (
    <Page title={t("assistant.title")}>
      <QueryState query={history}>
        {(page) => <Conversation messages={[...page.items].reverse()} />}
      </QueryState>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Textarea
            label={t("assistant.question")}
            description={t("assistant.hint")}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
            required
          />
          <Button type="submit" loading={send.isPending} style={{ alignSelf: "flex-start" }}>
            {t("assistant.send")}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}

function Conversation({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const end = useRef<HTMLDivElement>(null);
  const newest = messages.at(-1)?.id;
  // Scrolls when a new message arrives.
  useEffect(() => end.current?.scrollIntoView({ block: "nearest" }), [newest]);
  if (messages.length === 0) return <Text c="dimmed">{t("assistant.empty")}</Text>;
  return (
    <Stack
      className="chat-log"
      role="log"
      aria-label={t("assistant.conversation")}
      tabIndex={0}
      gap="sm"
      p={2}
    >
      {messages.map((m) => (
        <Card
          key={m.id}
          withBorder
          maw="85%"
          ml={m.role === "USER" ? "auto" : undefined}
          bg={m.role === "USER" ? "var(--mantine-primary-color-light)" : undefined}
        >
          <Text size="xs" c="dimmed">
            {t(m.role === "USER" ? "assistant.you" : "assistant.bot")} · {f.dateTime(m.createdAt)}
          </Text>
          <Text className="preserve-lines" size="sm">
            {m.content}
          </Text>
        </Card>
      ))}
      <div ref={end} />
    </Stack>
  );
}

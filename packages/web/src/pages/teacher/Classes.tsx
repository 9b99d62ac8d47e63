import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { AnchorLink } from "../../shell/links";
import { Page } from "../../shell/Page";
import { trpc } from "../../trpc";

/** The classes a teacher teaches (an admin: the institution's), and a new one. */
export function Classes() {
  const { t } = useTranslation();
  const classes = useQuery(trpc.class.list.queryOptions());
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Page title={t("classes.title")} actions={<Button onClick={open}>{t("classes.new")}</Button>}>
      <QueryState query={classes} isEmpty={(c) => c.length === 0} empty={t("classes.none")}>
        {(list) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {list.map((c) => (
              <Card key={c.id} withBorder>
                <Stack gap={4}>
                  <AnchorLink to="/classes/$classId" params={{ classId: c.id }} fw={600} size="lg">
                    {c.name}
                  </AnchorLink>
                  {c.description && (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {c.description}
                    </Text>
                  )}
                  <Text size="sm">
                    {t("classes.counts", {
                      students: c._count.enrollments,
                      assignments: c._count.assignments,
                    })}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      <Modal opened={opened} onClose={close} title={t("classes.new")}>
        <NewClassForm onDone={close} />
      </Modal>
    </Page>
  );
}

function NewClassForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation(
    trpc.class.create.mutationOptions({
      onSuccess: async (created) => {
        notifySuccess(t("classes.created", { name: created.name }));
        onDone();
        await queryClient.invalidateQueries(trpc.class.pathFilter());
        await navigate({ to: "/classes/$classId", params: { classId: created.id } });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, description: description || undefined });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t("classes.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
          required
          data-autofocus
        />
        <Textarea
          label={t("classes.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          maxLength={5000}
          autosize
          minRows={3}
        />
        {create.error && (
          <Text c="red" size="sm" role="alert">
            {create.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("classes.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

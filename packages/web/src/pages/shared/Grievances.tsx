import { Badge, Button, Card, Select, Stack, Table, Tabs, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { AnchorLink } from "../../shell/links";
import { useMe } from "../../shell/me";
import { Page } from "../../shell/Page";
import { trpc } from "../../trpc";

const CATEGORIES = ["GRADE", "FEEDBACK", "FAIRNESS", "OTHER"] as const;
const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export const STATUS_COLORS = {
  OPEN: "blue",
  IN_PROGRESS: "yellow",
  RESOLVED: "green",
  CLOSED: "gray",
} as const;

/** Students file grievances and follow their own; staff work through those assigned to them (admins: all). */
export function Grievances() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.role === "STUDENT")
    return (
      <Page title={t("grievances.title")}>
        <FileGrievance />
        <GrievanceTable scope="mine" />
      </Page>
    );
  return (
    <Page title={t("grievances.title")}>
      <Tabs defaultValue="assigned" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="assigned">{t("grievances.assigned")}</Tabs.Tab>
          {me.role === "ADMIN" && <Tabs.Tab value="all">{t("grievances.all")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="assigned" pt="md">
          <GrievanceTable scope="assigned" />
        </Tabs.Panel>
        <Tabs.Panel value="all" pt="md">
          <GrievanceTable scope="all" />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function GrievanceTable({ scope }: { scope: "mine" | "assigned" | "all" }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useQuery(trpc.grievance.list.queryOptions({ scope, limit: 50 }));
  return (
    <QueryState query={list} isEmpty={(p) => p.items.length === 0} empty={t("grievances.none")}>
      {(page) => (
        <Table.ScrollContainer minWidth={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("grievances.filed")}</Table.Th>
                <Table.Th>{t("grievances.category")}</Table.Th>
                <Table.Th>{t("grievances.status")}</Table.Th>
                <Table.Th>{t("grievances.assignee")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <AnchorLink to="/grievances/$grievanceId" params={{ grievanceId: g.id }}>
                      {f.dateTime(g.createdAt)}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    {t(`grievances.categories.${g.category}`)} · {t(`grievances.severities.${g.severity}`)}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[g.status]}>{t(`grievances.statuses.${g.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{g.assignedTo?.name ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}

function FileGrievance() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>("OTHER");
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>("LOW");
  const [description, setDescription] = useState("");
  const file = useMutation(
    trpc.grievance.file.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t("grievances.filedToast"));
        setDescription("");
        await queryClient.invalidateQueries(trpc.grievance.pathFilter());
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate({ category, severity, description });
  };
  return (
    <Card withBorder component="section" aria-labelledby="file-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="file-heading">
            {t("grievances.file")}
          </Title>
          <Select
            label={t("grievances.category")}
            data={CATEGORIES.map((value) => ({ value, label: t(`grievances.categories.${value}`) }))}
            value={category}
            onChange={(v) => v && setCategory(v as typeof category)}
            allowDeselect={false}
          />
          <Select
            label={t("grievances.severity")}
            data={SEVERITIES.map((value) => ({ value, label: t(`grievances.severities.${value}`) }))}
            value={severity}
            onChange={(v) => v && setSeverity(v as typeof severity)}
            allowDeselect={false}
          />
          <Textarea
            label={t("grievances.description")}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={5000}
            autosize
            minRows={3}
            required
            error={file.error?.message}
          />
          <Button type="submit" loading={file.isPending} style={{ alignSelf: "flex-start" }}>
            {t("grievances.submit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

import { Badge, Button, Card, Group, Stack, Text, Textarea, Timeline, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { useLive } from "../../live/useLive";
import { AnchorLink } from "../../shell/links";
import { Page } from "../../shell/Page";
import { type Outputs, trpc } from "../../trpc";
import { STATUS_COLORS } from "./Grievances";

type Grievance = Outputs["grievance"]["get"];

/** One grievance: what was filed, where it stands, its audit trail (live), and the assignee's next steps. */
export function GrievancePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { grievanceId } = useParams({ from: "/app/grievances/$grievanceId" });
  const grievance = useQuery(trpc.grievance.get.queryOptions({ grievanceId }));
  const history = useQuery(trpc.grievance.history.queryOptions({ grievanceId }));
  useLive("grievance", grievanceId, [trpc.grievance.pathFilter()]);
  return (
    <QueryState query={grievance}>
      {(g) => (
        <Page
          title={t("grievances.detailTitle", { category: t(`grievances.categories.${g.category}`) })}
          crumbs={[
            <AnchorLink key="list" to="/grievances">
              {t("grievances.title")}
            </AnchorLink>,
          ]}
        >
          <Card withBorder>
            <Stack gap="xs">
              <Group gap="xs">
                <Badge color={STATUS_COLORS[g.status]}>{t(`grievances.statuses.${g.status}`)}</Badge>
                <Badge>{t(`grievances.severities.${g.severity}`)}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t("grievances.filedAt", { date: f.dateTime(g.createdAt) })} ·{" "}
                {t("grievances.assignedTo", { name: g.assignedTo?.name ?? "—" })}
              </Text>
              <Text className="preserve-lines">{g.description}</Text>
              {g.resolution && (
                <Text className="preserve-lines">
                  <strong>{t("grievances.resolution")}:</strong> {g.resolution}
                </Text>
              )}
            </Stack>
          </Card>
          {g.nextStatuses.length > 0 && <NextSteps grievance={g} />}
          <section aria-labelledby="trail-heading">
            <Title order={2} size="h3" id="trail-heading" mb="sm">
              {t("grievances.trail")}
            </Title>
            <QueryState query={history}>
              {(rows) => (
                <Timeline bulletSize={14} lineWidth={2} active={rows.length}>
                  {rows.map((row) => {
                    const details = row.details as { to?: Grievance["status"]; note?: string | null };
                    return (
                      <Timeline.Item
                        key={row.id}
                        title={t(`grievances.actions.${row.action as "FILED"}`, {
                          defaultValue: row.action,
                          status: details.to ? t(`grievances.statuses.${details.to}`) : "",
                        })}
                      >
                        <Text size="sm" c="dimmed">
                          {row.actor?.name ?? t("grievances.system")} · {f.dateTime(row.createdAt)}
                        </Text>
                        {details.note && (
                          <Text size="sm" className="preserve-lines">
                            {details.note}
                          </Text>
                        )}
                      </Timeline.Item>
                    );
                  })}
                </Timeline>
              )}
            </QueryState>
          </section>
        </Page>
      )}
    </QueryState>
  );
}

function NextSteps({ grievance: g }: { grievance: Grievance }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const onSuccess = async () => {
    notifySuccess(t("grievances.updated"));
    setNote("");
    await queryClient.invalidateQueries(trpc.grievance.pathFilter());
  };
  const move = useMutation(trpc.grievance.updateStatus.mutationOptions({ onSuccess, onError: notifyError }));
  const resolve = useMutation(trpc.grievance.resolve.mutationOptions({ onSuccess, onError: notifyError }));
  const resolving = g.nextStatuses.includes("RESOLVED");
  return (
    <Card withBorder component="section" aria-labelledby="steps-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="steps-heading">
          {t("grievances.nextSteps")}
        </Title>
        <Textarea
          label={t(resolving ? "grievances.resolutionLabel" : "grievances.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={resolving ? 5000 : 2000}
          autosize
          minRows={2}
        />
        <Group gap="xs">
          {g.nextStatuses.map((status) =>
            status === "RESOLVED" ? (
              <Button
                key={status}
                disabled={!note.trim()}
                loading={resolve.isPending}
                onClick={() => resolve.mutate({ grievanceId: g.id, resolution: note })}
              >
                {t("grievances.moveTo.RESOLVED")}
              </Button>
            ) : (
              <Button
                key={status}
                variant={status === "OPEN" ? "default" : "filled"}
                loading={move.isPending && move.variables?.status === status}
                onClick={() => move.mutate({ grievanceId: g.id, status, note: note.trim() || undefined })}
              >
                {t(`grievances.moveTo.${status}`)}
              </Button>
            ),
          )}
        </Group>
      </Stack>
    </Card>
  );
}

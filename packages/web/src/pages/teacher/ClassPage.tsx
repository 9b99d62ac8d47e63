import { Group, Switch, Table, Tabs, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ClassBoards } from "../../components/Boards";
import { notifyError, notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { AnchorLink, ButtonLink } from "../../shell/links";
import { Page } from "../../shell/Page";
import { trpc } from "../../trpc";
import { AtRisk } from "./AtRisk";
import { Roster } from "./Roster";

/** One class: its assignments, roster (with enrollment), students at risk and leaderboard. */
export function ClassPage() {
  const { t } = useTranslation();
  const { classId } = useParams({ from: "/app/classes/$classId" });
  const klass = useQuery(trpc.class.get.queryOptions({ classId }));
  return (
    <QueryState query={klass}>
      {(c) => (
        <Page
          title={c.name}
          crumbs={[
            <AnchorLink key="classes" to="/classes">
              {t("nav.classes")}
            </AnchorLink>,
          ]}
          actions={
            <ButtonLink to="/classes/$classId/assignments/new" params={{ classId }}>
              {t("class.newAssignment")}
            </ButtonLink>
          }
        >
          {c.description && <Text className="preserve-lines">{c.description}</Text>}
          <Tabs defaultValue="assignments" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="assignments">
                {t("class.assignments", { count: c._count.assignments })}
              </Tabs.Tab>
              <Tabs.Tab value="roster">{t("class.roster", { count: c._count.enrollments })}</Tabs.Tab>
              <Tabs.Tab value="risk">{t("class.atRisk")}</Tabs.Tab>
              <Tabs.Tab value="board">{t("class.leaderboard")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="assignments" pt="md">
              <Assignments classId={classId} />
            </Tabs.Panel>
            <Tabs.Panel value="roster" pt="md">
              <Roster classId={classId} />
            </Tabs.Panel>
            <Tabs.Panel value="risk" pt="md">
              <AtRisk classId={classId} />
            </Tabs.Panel>
            <Tabs.Panel value="board" pt="md">
              <CompetitionSwitch classId={classId} enabled={c.competitionEnabled} />
              <ClassBoards classId={classId} />
            </Tabs.Panel>
          </Tabs>
        </Page>
      )}
    </QueryState>
  );
}

function Assignments({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useQuery(trpc.assignment.list.queryOptions({ classId }));
  return (
    <QueryState query={list} isEmpty={(a) => a.length === 0} empty={t("class.noAssignments")}>
      {(assignments) => (
        <Table.ScrollContainer minWidth={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assignment.title")}</Table.Th>
                <Table.Th>{t("assignment.due")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <AnchorLink to="/assignments/$assignmentId" params={{ assignmentId: a.id }}>
                      {a.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{f.dateTime(a.dueDate)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <AnchorLink
                        to="/assignments/$assignmentId/edit"
                        params={{ assignmentId: a.id }}
                        size="sm"
                      >
                        {t("assignment.edit")}
                      </AnchorLink>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}

/** Teachers turn the class's leaderboards off (students then see none) and on again. */
function CompetitionSwitch({ classId, enabled }: { classId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Shown at once; the saved value wins when it comes back (or the old one, if saving failed).
  const [checked, setChecked] = useState(enabled);
  useEffect(() => setChecked(enabled), [enabled]);
  const update = useMutation(
    trpc.class.update.mutationOptions({
      onSuccess: async (klass) => {
        notifySuccess(t(klass.competitionEnabled ? "class.competitionOnToast" : "class.competitionOffToast"));
        await queryClient.invalidateQueries(trpc.class.pathFilter());
      },
      onError: (error) => {
        setChecked(enabled);
        notifyError(error);
      },
    }),
  );
  return (
    <Switch
      checked={checked}
      onChange={(e) => {
        setChecked(e.currentTarget.checked);
        update.mutate({ classId, competitionEnabled: e.currentTarget.checked });
      }}
      label={t("class.competition")}
      description={t("class.competitionHint")}
      mb="sm"
    />
  );
}

import { Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AnalysisStatus, NotSubmitted } from "../../components/AnalysisStatus";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { AnchorLink } from "../../shell/links";
import { type Outputs, trpc } from "../../trpc";

type Assignment = Outputs["assignment"]["mine"][number];

/** Missing first, then upcoming by due date, then the submitted ones. */
export function orderForStudent(assignments: Assignment[], now: Date) {
  const state = (a: Assignment) => (a.latestSubmission ? 2 : a.dueDate < now ? 0 : 1);
  return [...assignments].sort((a, b) => state(a) - state(b) || a.dueDate.getTime() - b.dueDate.getTime());
}

/** The student's assignments across classes: what is missing, what is due next, what was submitted. */
export function AssignmentTable() {
  const { t } = useTranslation();
  const f = useFormat();
  const mine = useQuery(trpc.assignment.mine.queryOptions());
  const now = new Date();
  return (
    <QueryState query={mine} isEmpty={(a) => a.length === 0} empty={t("dashboard.noAssignments")}>
      {(assignments) => (
        <Table.ScrollContainer minWidth={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assignment.title")}</Table.Th>
                <Table.Th>{t("assignment.due")}</Table.Th>
                <Table.Th>{t("assignment.state")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orderForStudent(assignments, now).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <AnchorLink to="/assignments/$assignmentId" params={{ assignmentId: a.id }}>
                      {a.title}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {a.className}
                    </Text>
                  </Table.Td>
                  <Table.Td>{f.dateTime(a.dueDate)}</Table.Td>
                  <Table.Td>
                    {a.latestSubmission ? (
                      <AnalysisStatus status={a.latestSubmission.analysisStatus} />
                    ) : (
                      <NotSubmitted dueDate={a.dueDate} />
                    )}
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

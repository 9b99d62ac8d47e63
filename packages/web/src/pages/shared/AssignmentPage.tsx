import { Card, Group, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { AnchorLink, ButtonLink } from "../../shell/links";
import { useMe } from "../../shell/me";
import { Page } from "../../shell/Page";
import { trpc } from "../../trpc";
import { StudentAttempts } from "../student/StudentAttempts";
import { ReviewQueue } from "../teacher/ReviewQueue";

/** An assignment: its description and due date; students submit here, teachers review who did. */
export function AssignmentPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const { assignmentId } = useParams({ from: "/app/assignments/$assignmentId" });
  const assignment = useQuery(trpc.assignment.get.queryOptions({ assignmentId }));
  const staff = me.role === "TEACHER" || me.role === "ADMIN";
  return (
    <QueryState query={assignment}>
      {(a) => (
        <Page
          title={a.title}
          crumbs={
            staff
              ? [
                  <AnchorLink key="classes" to="/classes">
                    {t("nav.classes")}
                  </AnchorLink>,
                  <AnchorLink key="class" to="/classes/$classId" params={{ classId: a.classId }}>
                    {t("class.title")}
                  </AnchorLink>,
                ]
              : [
                  <AnchorLink key="dashboard" to="/dashboard">
                    {t("nav.dashboard")}
                  </AnchorLink>,
                ]
          }
          actions={
            staff && (
              <ButtonLink to="/assignments/$assignmentId/edit" params={{ assignmentId }} variant="light">
                {t("assignment.edit")}
              </ButtonLink>
            )
          }
        >
          <Card withBorder>
            <Group gap="xs" mb="xs">
              <Text fw={600}>{t("assignment.due")}:</Text>
              <Text>{f.dateTime(a.dueDate)}</Text>
            </Group>
            <Text className="preserve-lines">{a.description || t("assignment.noDescription")}</Text>
          </Card>
          {staff ? (
            <ReviewQueue assignmentId={assignmentId} />
          ) : (
            <StudentAttempts assignmentId={assignmentId} dueDate={a.dueDate} />
          )}
        </Page>
      )}
    </QueryState>
  );
}

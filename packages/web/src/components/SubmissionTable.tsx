import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import { AnchorLink } from "../shell/links";
import type { Outputs } from "../trpc";
import { AnalysisStatus } from "./AnalysisStatus";

type Submission = Outputs["submission"]["list"]["items"][number];

/** Submissions newest first: when (linking to the submission, "late" after the due date), state and score. */
export function SubmissionTable(props: { submissions: Submission[]; dueDate?: Date }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("submit.when")}</Table.Th>
            <Table.Th>{t("submit.status")}</Table.Th>
            <Table.Th ta="right">{t("submit.score")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.submissions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <AnchorLink to="/submissions/$submissionId" params={{ submissionId: s.id }}>
                  {f.dateTime(s.submittedAt)}
                </AnchorLink>
                {props.dueDate && s.submittedAt > props.dueDate && ` · ${t("submit.late")}`}
              </Table.Td>
              <Table.Td>
                <AnalysisStatus status={s.analysisStatus} />
              </Table.Td>
              <Table.Td ta="right">
                {s.codeQualityScore === null ? "—" : f.number(s.codeQualityScore)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

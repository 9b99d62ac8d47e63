import { Badge, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLORS = { PENDING: "gray", ANALYZING: "blue", SCORED: "green", FAILED: "red" } as const;
export type AnalysisStatusValue = keyof typeof COLORS;
export const isAnalysing = (status: AnalysisStatusValue) => status === "PENDING" || status === "ANALYZING";

/** The analysis state of a submission, with a spinner while it is being analysed. */
export function AnalysisStatus({ status }: { status: AnalysisStatusValue }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      leftSection={isAnalysing(status) ? <Loader size={10} color="blue" aria-hidden /> : undefined}
    >
      {t(`analysis.status.${status}`)}
    </Badge>
  );
}

/** No submission yet: "missing" once the due date has passed. */
export function NotSubmitted({ dueDate }: { dueDate: Date }) {
  const { t } = useTranslation();
  const late = dueDate < new Date();
  return (
    <Badge color={late ? "red" : "gray"}>{t(late ? "assignment.missing" : "assignment.upcoming")}</Badge>
  );
}

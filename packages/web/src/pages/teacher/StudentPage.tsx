import { Grid, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LevelProgress } from "../../components/LevelProgress";
import { QueryState } from "../../components/QueryState";
import { RiskCard } from "../../components/RiskCard";
import { SubmissionTable } from "../../components/SubmissionTable";
import { useFormat } from "../../i18n/format";
import { useLive } from "../../live/useLive";
import { Page } from "../../shell/Page";
import { trpc } from "../../trpc";

/** One student as their teachers and mentor see them: progress, risk with its factors, submissions. */
export function StudentPage() {
  const { t } = useTranslation();
  const _f = useFormat();
  const { studentId } = useParams({ from: "/app/students/$studentId" });
  const student = useQuery(trpc.student.get.queryOptions({ studentId }));
  const progress = useQuery(trpc.gamification.progress.queryOptions({ studentId }));
  const risk = useQuery(trpc.risk.forStudent.queryOptions({ studentId }));
  const submissions = useQuery(trpc.submission.list.queryOptions({ studentId, limit: 50 }));
  useLive("student", studentId, [
    trpc.gamification.pathFilter(),
    trpc.risk.pathFilter(),
    trpc.submission.pathFilter(),
  ]);
  return (
    <QueryState query={student}>
      {(s) => (
        <Page title={s.name}>
          <Text c="dimmed" className="break-anywhere">
            {s.email}
            {s.classes.length > 0 && ` · ${s.classes.map((c) => c.name).join(", ")}`}
          </Text>
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <QueryState query={progress}>{(p) => <LevelProgress progress={p} />}</QueryState>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <QueryState query={risk}>{(r) => <RiskCard prediction={r.prediction} />}</QueryState>
            </Grid.Col>
          </Grid>
          <section aria-labelledby="submissions-heading">
            <Title order={2} size="h3" id="submissions-heading" mb="sm">
              {t("studentPage.submissions")}
            </Title>
            <QueryState
              query={submissions}
              isEmpty={(p) => p.items.length === 0}
              empty={t("submit.noAttempts")}
            >
              {(page) => <SubmissionTable submissions={page.items} />}
            </QueryState>
          </section>
        </Page>
      )}
    </QueryState>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AnalysisStatus, isAnalysing } from "../../components/AnalysisStatus";
import { FeedbackList } from "../../components/FeedbackList";
import { Findings } from "../../components/Findings";
import { Hotspots } from "../../components/Hotspots";
import { notifyError, notifySuccess } from "../../components/notify";
import { QueryState } from "../../components/QueryState";
import { useFormat } from "../../i18n/format";
import { useLive } from "../../live/useLive";
import { AnchorLink } from "../../shell/links";
import { useMe } from "../../shell/me";
import { Page } from "../../shell/Page";
import { type Outputs, trpc } from "../../trpc";
import { ReviewComposer } from "../teacher/ReviewComposer";

type Submission = Outputs["submission"]["get"];

/** A submission's analysis (score, findings by file) and its feedback; teachers review and send feedback here. */
export function SubmissionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { submissionId } = useParams({ from: "/app/submissions/$submissionId" });
  const submission = useQuery(trpc.submission.get.queryOptions({ submissionId }));
  const refresh = [trpc.submission.pathFilter(), trpc.assignment.pathFilter()];
  useLive("submission", submissionId, refresh);
  useLive("feedback", submission.data?.studentId, refresh);
  const teaches = me.role === "TEACHER";
  return (
    <QueryState query={submission}>
      {(s) => (
        <Page
          title={t("submission.title", { assignment: s.assignment.title })}
          crumbs={[
            <AnchorLink
              key="assignment"
              to="/assignments/$assignmentId"
              params={{ assignmentId: s.assignment.id }}
            >
              {s.assignment.title}
            </AnchorLink>,
          ]}
        >
          <Summary submission={s} canRetry={me.studentId === s.studentId} />
          <Grid>
            <Grid.Col span={{ base: 12, lg: teaches ? 7 : 12 }}>
              <section aria-labelledby="findings-heading">
                <Title order={2} size="h3" id="findings-heading" mb="sm">
                  {t("submission.findings")}
                </Title>
                {s.analysisStatus === "SCORED" ? (
                  <Findings findings={s.findings} />
                ) : (
                  <Text c="dimmed">{t("submission.findingsLater")}</Text>
                )}
              </section>
            </Grid.Col>
            {teaches && (
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <ReviewComposer submission={s} />
              </Grid.Col>
            )}
          </Grid>
          {s.analysisStatus === "SCORED" && s.analysisSummary && <Hotspots summary={s.analysisSummary} />}
          <section aria-labelledby="feedback-heading">
            <Title order={2} size="h3" id="feedback-heading" mb="sm">
              {t("submission.feedback")}
            </Title>
            <FeedbackList items={s.feedback} />
          </section>
        </Page>
      )}
    </QueryState>
  );
}

function Summary({ submission: s, canRetry }: { submission: Submission; canRetry: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.submission.retry.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t("submission.retried"));
        await queryClient.invalidateQueries(trpc.submission.pathFilter());
      },
      onError: notifyError,
    }),
  );
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm">
            {t("submission.by", { name: s.student.name, date: f.dateTime(s.submittedAt) })}
          </Text>
          <AnalysisStatus status={s.analysisStatus} />
        </Group>
        <Anchor href={s.githubUrl} target="_blank" rel="noreferrer" className="break-anywhere" size="sm">
          {s.githubUrl}
        </Anchor>
        {isAnalysing(s.analysisStatus) && (
          <Group gap="sm" role="status" wrap="nowrap">
            <Loader size="sm" type="dots" aria-hidden />
            <Text size="sm">{t("submission.analysing")}</Text>
          </Group>
        )}
        {s.analysisStatus === "FAILED" && (
          <Alert color="red" title={t("submission.failed")} role="alert">
            <Text size="sm" mb={canRetry ? "xs" : 0}>
              {s.analysisMessage ?? t("submission.failedHint")}
            </Text>
            {canRetry && (
              <Button
                size="xs"
                color="red"
                variant="light"
                loading={retry.isPending}
                onClick={() => retry.mutate({ submissionId: s.id })}
              >
                {t("submission.retry")}
              </Button>
            )}
          </Alert>
        )}
        {s.analysisStatus === "SCORED" && (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Metric
              label={t("submission.quality")}
              value={s.codeQualityScore === null ? "—" : f.number(s.codeQualityScore)}
            />
            <Metric label={t("submission.rating")} value={s.maintainabilityRating ?? "—"} />
            <Metric
              label={t("submission.complexity")}
              value={s.complexityScore === null ? "—" : f.number(s.complexityScore)}
            />
            <Metric
              label={t("submission.findingCount")}
              value={f.number(s.analysisSummary?.findingsTotal ?? s.findings.length)}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Stack>
  );
}

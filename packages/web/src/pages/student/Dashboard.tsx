import { Button, Card, Collapse, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { BadgeList } from "../../components/BadgeList";
import { ClassBoards } from "../../components/Boards";
import { LevelProgress } from "../../components/LevelProgress";
import { QueryState } from "../../components/QueryState";
import { RiskCard } from "../../components/RiskCard";
import { useLive } from "../../live/useLive";
import { AnchorLink } from "../../shell/links";
import { useMe } from "../../shell/me";
import { Page } from "../../shell/Page";
import { type Outputs, trpc } from "../../trpc";
import { AssignmentTable } from "./AssignmentTable";

export function Dashboard() {
  const { t } = useTranslation();
  const me = useMe();
  const studentId = me.studentId ?? "";
  const progress = useQuery(trpc.gamification.progress.queryOptions({}));
  const risk = useQuery(trpc.risk.forStudent.queryOptions({ studentId }));
  const badges = useQuery(trpc.badge.mine.queryOptions());
  const classes = useQuery(trpc.class.list.queryOptions());
  // Points, badges, ranks and risk change when the worker scores a submission.
  useLive("student", studentId, [
    trpc.gamification.pathFilter(),
    trpc.badge.pathFilter(),
    trpc.risk.pathFilter(),
    trpc.assignment.mine.pathFilter(),
    trpc.leaderboard.pathFilter(),
  ]);
  return (
    <Page title={t("dashboard.title", { name: me.name.split(" ")[0] })}>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <QueryState query={progress}>{(p) => <LevelProgress progress={p} />}</QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <QueryState query={risk}>{(r) => <RiskCard prediction={r.prediction} own />}</QueryState>
        </Grid.Col>
      </Grid>
      <section aria-labelledby="assignments-heading">
        <Title order={2} size="h3" id="assignments-heading" mb="sm">
          {t("dashboard.assignments")}
        </Title>
        <AssignmentTable />
      </section>
      <section aria-labelledby="classes-heading">
        <Title order={2} size="h3" id="classes-heading" mb="sm">
          {t("dashboard.classes")}
        </Title>
        <QueryState query={classes} isEmpty={(c) => c.length === 0} empty={t("dashboard.noClasses")}>
          {(list) => (
            <Stack>
              {list.map((c) => (
                <ClassRank key={c.id} klass={c} studentId={studentId} />
              ))}
            </Stack>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="badges-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="badges-heading">
            {t("dashboard.badges")}
          </Title>
          <AnchorLink to="/progress">{t("dashboard.allBadges")}</AnchorLink>
        </Group>
        <QueryState query={badges} isEmpty={(b) => b.length === 0} empty={t("dashboard.noBadges")}>
          {(mine) => (
            <BadgeList badges={mine.slice(0, 6).map((b) => ({ ...b.badge, unlockedAt: b.unlockedAt }))} />
          )}
        </QueryState>
      </section>
    </Page>
  );
}

/** The student's own rank in one class (also outside the top ten), with the boards on demand. */
function ClassRank(props: { klass: Outputs["class"]["list"][number]; studentId: string }) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(false);
  const competition = props.klass.competitionEnabled;
  const rank = useQuery({
    ...trpc.leaderboard.myRank.queryOptions({ classId: props.klass.id }),
    enabled: competition,
    retry: false,
  });
  const boardId = `board-${props.klass.id}`;
  const standing = !competition
    ? t("dashboard.competitionOff")
    : rank.data
      ? t("dashboard.rank", { rank: rank.data.rank, of: rank.data.size, points: rank.data.points })
      : rank.isError
        ? t("dashboard.notRanked")
        : t("common.loading");
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600}>{props.klass.name}</Text>
          <Text size="sm" c="dimmed">
            {standing}
          </Text>
        </Stack>
        {competition && (
          <Button variant="light" size="xs" onClick={toggle} aria-expanded={open} aria-controls={boardId}>
            {t(open ? "dashboard.hideBoard" : "dashboard.showBoard")}
          </Button>
        )}
      </Group>
      <Collapse expanded={open} id={boardId}>
        {open && <ClassBoards classId={props.klass.id} studentId={props.studentId} />}
      </Collapse>
    </Card>
  );
}

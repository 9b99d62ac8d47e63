import { Breadcrumbs, Group, Stack, Title } from "@mantine/core";
import { useLocation } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef } from "react";
import { hasNavigatedSinceLoad } from "../router";

/**
 * One page: its title in the tab and as the h1, optional breadcrumbs and actions. After each navigation within the app the
 * heading takes focus, so keyboard and screen-reader users start at the new page rather than at the top.
 */
export function Page(props: {
  title: string;
  crumbs?: ReactNode[];
  actions?: ReactNode;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${props.title} · EduPlatform`;
  }, [props.title]);
  // Focus moves once per navigation, keyed by path.
  useEffect(() => {
    // A fresh load leaves focus at the start of the document, where the skip link is the first stop.
    if (hasNavigatedSinceLoad()) heading.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <Stack gap="lg">
      {props.crumbs && props.crumbs.length > 0 && (
        <Breadcrumbs separatorMargin={6}>{props.crumbs}</Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={1} ref={heading} tabIndex={-1} className="break-anywhere" fz={{ base: "h2", sm: "h1" }}>
          {props.title}
        </Title>
        {props.actions && <Group gap="xs">{props.actions}</Group>}
      </Group>
      {props.children}
    </Stack>
  );
}

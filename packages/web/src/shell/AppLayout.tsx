import { AppShell, Burger, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Outlet, useLocation } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { NavLinkTo } from "./links";
import { useMe } from "./me";
import { NAV } from "./nav";
import { ProfileMenu } from "./ProfileMenu";
import { usePreferences } from "./preferences";

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  usePreferences(me);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <a className="skip-link" href="#main">
        {t("shell.skip")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(opened ? "shell.closeMenu" : "shell.openMenu")}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text fw={700} size="lg">
              EduPlatform
            </Text>
          </Group>
          <ProfileMenu me={me} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" id="main-navigation" aria-label={t("shell.navigation")}>
        {NAV[me.role].map((item) => (
          <NavLinkTo
            key={item.to}
            to={item.to}
            label={t(item.label as "nav.dashboard")}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

import { Avatar, Menu, UnstyledButton } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LANGUAGES, supportedLanguage } from "../i18n";
import { THEMES } from "../theme";
import { type Me, queryClient, trpc } from "../trpc";
import { useSavePreferences } from "./preferences";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");

/** Marks the chosen language and theme, in words for screen readers. */
const Check = ({ label }: { label: string }) => (
  <span aria-label={label} role="img">
    ✓
  </span>
);

/** Who is signed in, language and theme (saved to the profile), and sign-out. */
export function ProfileMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSavePreferences();
  const signOut = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: async () => {
        queryClient.clear();
        await navigate({ to: "/login" });
      },
    }),
  );
  const language = supportedLanguage(me.language);
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("profile.menu", { name: me.name })}>
          <Avatar color="indigo" radius="xl" size="md">
            {initials(me.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.name} · {t(`roles.${me.role}`)}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>{t("profile.language")}</Menu.Label>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l.tag}
            lang={l.tag}
            fw={language === l.tag ? 700 : undefined}
            rightSection={language === l.tag ? <Check label={t("profile.current")} /> : undefined}
            onClick={() => save.mutate({ language: l.tag })}
          >
            {l.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>{t("profile.theme")}</Menu.Label>
        {THEMES.map((choice) => (
          <Menu.Item
            key={choice}
            fw={me.theme === choice ? 700 : undefined}
            rightSection={me.theme === choice ? <Check label={t("profile.current")} /> : undefined}
            onClick={() => save.mutate({ theme: choice })}
          >
            {t(`profile.themes.${choice}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => void navigate({ to: "/settings" })}>{t("profile.settings")}</Menu.Item>
        <Menu.Item color="red" onClick={() => signOut.mutate()}>
          {t("profile.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

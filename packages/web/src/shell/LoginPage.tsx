import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryClient, trpc } from "../trpc";

/** Only paths of this app: an open redirect to another site is not followed. */
export const safeRedirect = (target: string | undefined) =>
  target?.startsWith("/") && !target.startsWith("//") && !target.startsWith("/login") ? target : undefined;

export function LoginForm(props: {
  onSubmit(input: { email: string; password: string }): void;
  pending?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit({ email, password });
  };
  return (
    <form onSubmit={submit} aria-labelledby="sign-in-heading">
      <Stack>
        <TextInput
          label={t("login.email")}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
        />
        <PasswordInput
          label={t("login.password")}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ "aria-label": t("login.showCharacters") }}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          required
        />
        {props.error && (
          <Alert color="red" role="alert">
            {props.error}
          </Alert>
        )}
        <Button type="submit" loading={props.pending}>
          {t("login.submit")}
        </Button>
      </Stack>
    </form>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: "/login" });
  useEffect(() => {
    document.title = `${t("login.title")} · EduPlatform`;
  }, [t]);
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        await navigate({ to: safeRedirect(redirect) ?? "/" });
      },
    }),
  );
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <Title order={1} id="sign-in-heading">
            {t("login.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("login.intro")}
          </Text>
          <LoginForm
            pending={login.isPending}
            error={login.error?.message}
            onSubmit={(input) => login.mutate({ ...input, session: "cookie" })}
          />
          <Text size="xs" c="dimmed">
            {t("login.demo")}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}

import { useMantineColorScheme } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { notifyError } from "../components/notify";
import { applyLanguage } from "../i18n";
import { colorSchemeFor } from "../theme";
import { type Me, trpc } from "../trpc";

/** Applies the profile's language and theme whenever they change. */
export function usePreferences(me: Pick<Me, "language" | "theme">) {
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => applyLanguage(me.language), [me.language]);
  useEffect(() => setColorScheme(colorSchemeFor(me.theme)), [me.theme, setColorScheme]);
}

/** Saves language or theme to the profile; the choice shows at once and survives a reload. */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.user.updateProfile.mutationOptions({
      onMutate: (changes) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), (me) => (me ? { ...me, ...changes } : me));
      },
      onError: (error) => {
        notifyError(error);
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
    }),
  );
}

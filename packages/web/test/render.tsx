import { MantineProvider } from "@mantine/core";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { i18n } from "../src/i18n";
import { cssVariablesResolver, theme } from "../src/theme";

/** Renders a component with the app's theme and translations (English unless told otherwise). */
export async function renderWithProviders(ui: ReactElement, language: "en" | "de" = "en") {
  await i18n.changeLanguage(language);
  return render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <I18nextProvider i18n={i18n}>{ui}</I18nextProvider>
    </MantineProvider>,
  );
}

import { Badge, type CSSVariablesResolver, createTheme, type MantineColorScheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  // Shade 7 keeps white button text and indigo links at WCAG AA contrast (4.5:1) in both schemes.
  primaryShade: { light: 7, dark: 7 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  components: {
    // Status badges carry their hue in a dot and their text in the body colour: readable (4.5:1) whatever the hue.
    // In a narrow table cell a badge wraps its words instead of cutting them off.
    Badge: Badge.extend({
      defaultProps: { variant: "dot" },
      styles: {
        root: { height: "auto", minHeight: "var(--badge-height)", paddingBlock: 2 },
        label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" },
      },
    }),
  },
  headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
});

export const THEMES = ["light", "dark", "system"] as const;
export type ThemeChoice = (typeof THEMES)[number];

/** The profile's theme as Mantine's color scheme ("system" follows the operating system). */
export const colorSchemeFor = (theme: string | null | undefined): MantineColorScheme =>
  theme === "light" || theme === "dark" ? theme : "auto";

/**
 * Dimmed text one shade stronger than Mantine's default, and a lighter hover behind light-variant buttons (halfway
 * between shades 1 and 2): both fall short of 4.5:1 otherwise.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": t.colors.gray[7],
    ...Object.fromEntries(
      Object.keys(t.colors).map((name) => [
        `--mantine-color-${name}-light-hover`,
        `color-mix(in srgb, var(--mantine-color-${name}-1), var(--mantine-color-${name}-2))`,
      ]),
    ),
  },
  dark: { "--mantine-color-dimmed": t.colors.dark[1] },
});

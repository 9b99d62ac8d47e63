import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { de } from "./de";
import { en } from "./en";

export const LANGUAGES = [
  { tag: "en", label: "English" },
  { tag: "de", label: "Deutsch" },
] as const;
export type Language = (typeof LANGUAGES)[number]["tag"];

/** The supported language closest to a tag such as "de-AT" (English otherwise). */
export const supportedLanguage = (tag: string | null | undefined): Language =>
  LANGUAGES.find((l) => tag?.toLowerCase().startsWith(l.tag))?.tag ?? "en";

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: supportedLanguage(typeof navigator === "undefined" ? "en" : navigator.language),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Switches the interface language and the document's `lang`, so screen readers pronounce it right. */
export function applyLanguage(tag: string | null | undefined) {
  const language = supportedLanguage(tag);
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

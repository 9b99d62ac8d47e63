import { useTranslation } from "react-i18next";

/** Dates and numbers in the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    date: (d: Date) => d.toLocaleDateString(locale, { dateStyle: "medium" }),
    dateTime: (d: Date) => d.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }),
    number: (n: number, digits = 0) => n.toLocaleString(locale, { maximumFractionDigits: digits }),
  };
}

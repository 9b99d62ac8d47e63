import { notifications } from "@mantine/notifications";

/** Toasts for finished mutations: a success that confirms, an error that says what went wrong. */
export const notifySuccess = (message: string) => notifications.show({ color: "green", message });
export const notifyError = (error: { message: string }) =>
  notifications.show({ color: "red", message: error.message, autoClose: 8_000 });

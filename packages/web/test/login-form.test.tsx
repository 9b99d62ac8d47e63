import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { LoginForm, safeRedirect } from "../src/shell/LoginPage";
import { renderWithProviders } from "./render";

describe("LoginForm", () => {
  it("has labelled, empty fields and submits what was typed", async () => {
    const onSubmit = vi.fn();
    await renderWithProviders(<LoginForm onSubmit={onSubmit} />);
    const email = screen.getByLabelText(/e-mail/i);
    expect(email).toHaveValue("");
    await userEvent.type(email, "teacher@demo.edu");
    await userEvent.type(screen.getByLabelText(/password/i), "secret words");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(onSubmit).toHaveBeenCalledWith({ email: "teacher@demo.edu", password: "secret words" });
  });

  it("shows an error as an alert, in German when the language is German", async () => {
    await renderWithProviders(<LoginForm onSubmit={() => {}} error="E-Mail oder Passwort falsch" />, "de");
    expect(screen.getByRole("alert")).toHaveTextContent("E-Mail oder Passwort falsch");
    expect(screen.getByLabelText(/passwort/i)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Anmelden" })).toBeInTheDocument();
  });
});

describe("safeRedirect", () => {
  it("keeps paths of this app and drops other sites and the sign-in page itself", () => {
    expect(safeRedirect("/submissions/abc?x=1")).toBe("/submissions/abc?x=1");
    expect(safeRedirect("//evil.example/x")).toBeUndefined();
    expect(safeRedirect("https://evil.example/")).toBeUndefined();
    expect(safeRedirect("/login?redirect=/x")).toBeUndefined();
    expect(safeRedirect(undefined)).toBeUndefined();
  });
});

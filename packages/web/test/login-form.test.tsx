import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LoginForm } from "../src/App";

describe("LoginForm", () => {
  it("renders the sign-in fields, the demo logins and an error when given one", () => {
    const html = renderToStaticMarkup(<LoginForm onSubmit={() => {}} error="E-mail or password is wrong" />);
    expect(html).toContain('type="email"');
    expect(html).toContain('type="password"');
    expect(html).toContain("teacher@demo.edu");
    expect(html).toContain('role="alert"');
    expect(html).toContain("E-mail or password is wrong");
  });

  it("shows no error box without an error", () => {
    expect(renderToStaticMarkup(<LoginForm onSubmit={() => {}} />)).not.toContain('role="alert"');
  });
});

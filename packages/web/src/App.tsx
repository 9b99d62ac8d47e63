import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { StaffHome } from "./pages/StaffHome";
import { StudentHome } from "./pages/StudentHome";
import { trpc } from "./trpc";

export function App() {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ["auth.me"], queryFn: () => trpc.auth.me.query(), retry: false });
  const login = useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      trpc.auth.login.mutate({ ...input, session: "cookie" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["auth.me"] }),
  });
  const logout = useMutation({
    mutationFn: () => trpc.auth.logout.mutate(),
    onSuccess: () => queryClient.clear(),
  });

  if (me.isPending) return <p>Loading…</p>;
  if (!me.data) return <LoginForm onSubmit={(input) => login.mutate(input)} error={login.error?.message} />;
  return (
    <main>
      <header className="row">
        <h1>EduPlatform</h1>
        <span>
          Signed in as <strong>{me.data.name}</strong> ({me.data.role.toLowerCase()})
        </span>
        <button type="button" onClick={() => logout.mutate()}>
          Sign out
        </button>
      </header>
      {me.data.role === "STUDENT" ? <StudentHome me={me.data} /> : <StaffHome me={me.data} />}
    </main>
  );
}

export function LoginForm(props: {
  onSubmit(input: { email: string; password: string }): void;
  error?: string;
}) {
  const [email, setEmail] = useState("student@demo.edu");
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit({ email, password });
  };
  return (
    <main>
      <h1>EduPlatform</h1>
      <form onSubmit={submit} aria-label="Sign in" className="stack card">
        <label>
          E-mail <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Password{" "}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button type="submit">Sign in</button>
        {props.error && <p role="alert">{props.error}</p>}
      </form>
      <p>
        Demo logins: student@demo.edu, teacher@demo.edu, mentor@demo.edu, admin@demo.edu — password
        demo-password.
      </p>
    </main>
  );
}

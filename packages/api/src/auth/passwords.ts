import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1), OWASP's recommended minimum.
export const hashPassword = (password: string) => hash(password);

// Verifying against a real hash when the account is unknown keeps the answer time the same either way,
// so response times do not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash("not-a-real-password");
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Everything a spec imports: `import { test, expect, signIn, ... } from "../src";`
export { apiMutation, apiQuery, apiSignIn } from "./api";
export { type E2eFixtures, type E2eWorkerFixtures, expect, test } from "./fixtures";
export {
  AXE_TAGS,
  expectAccessible,
  expectNoHorizontalOverflow,
  PHONE,
  saveScreenshot,
  signIn,
} from "./helpers";
export { createFixtureRepo, FINDINGS_FILES, FIXTURE_OWNER } from "./repos";
export { type Account, type Accounts, accounts, type Role, type StackInfo } from "./stack/info";

// What tests and benchmarks of other packages use to build realistic data.
export { DEMO_DOMAIN, DEMO_LOGINS, DEMO_PASSWORD } from "./catalog";
export { countRows, type SeedCounts } from "./counts";
export { seedId } from "./ids";
export { seedDemoData } from "./seed";

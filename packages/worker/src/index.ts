export * from "./queues/index";

// The grievance router: one file per procedure, with its input schema beside its handler.
import { router } from "../../trpc";
import { assign } from "./assign";
import { file } from "./file";
import { get } from "./get";
import { history } from "./history";
import { list } from "./list";
import { resolve } from "./resolve";
import { updateStatus } from "./update-status";

export const grievanceRouter = router({ file, list, get, assign, updateStatus, resolve, history });

import type { Figure } from "../lib/figure.js";
import { apiCallsPython } from "./api-calls-python.js";
import { coldStartPython } from "./cold-start-python.js";
import { hookDispatchNode } from "./hook-dispatch-node.js";
import { hookDispatchPython } from "./hook-dispatch-python.js";
import { postsRest } from "./posts-rest.js";
import { serveHttpPython } from "./serve-http-python.js";

/** Every figure of issue 9, in the order the suite runs them (the table's order). */
export const ALL_FIGURES: readonly Figure[] = [hookDispatchPython, hookDispatchNode, apiCallsPython, serveHttpPython, coldStartPython, postsRest];

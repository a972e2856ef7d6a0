// Public surface of @polyplug/server.
export { startServer, SERVER_VERSION, type RunningServer, type ServerOptions } from "./server.js";
export { createApp, type App, type AppOptions } from "./app/app.js";
export { AppError } from "./app/app-error.js";
export type { AppHooks } from "./app/app-hooks.js";
export { createDatabase } from "./store/create-database.js";

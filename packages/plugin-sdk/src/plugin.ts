import type { HookHandlers } from "./hook-handlers.js";
import type { Logger } from "./logger.js";
import type { PluginAPI } from "./plugin-api.js";
import type { RuntimeConfig } from "./runtime-config.js";

/** What the runtime (or the test kit) gives a plugin before any hook runs. */
export interface PluginServices {
  readonly api: PluginAPI;
  readonly log: Logger;
  readonly config: RuntimeConfig;
}

const SERVICES = Symbol("polyplug.plugin.services");

// The class gets every hook as an optional method, so a subclass's `override async
// messageWillBePosted(...)` is checked against the hook's signature, and a misspelt hook is an error.
export interface Plugin extends HookHandlers {}

/**
 * Base class for a plugin written as a class: override the hooks it handles (named like the hook,
 * lowercase first letter) and pass the class to `runPlugin`. The runtime constructs it with no
 * arguments, then attaches `api`, `log` and `config`, so they are usable from any hook (not from
 * the constructor, which runs before the runtime has connected to the host). Handlers also get
 * all of them in their context argument; `definePlugin` is the same without a class.
 */
export abstract class Plugin {
  [SERVICES]: PluginServices | undefined;

  /** The host's Plugin API. */
  get api(): PluginAPI {
    return this.#services("api").api;
  }

  /** The plugin's logger (stderr, which the host stores in the plugin's log). */
  get log(): Logger {
    return this.#services("log").log;
  }

  /** The runtime settings the host passed in the environment. */
  get config(): RuntimeConfig {
    return this.#services("config").config;
  }

  #services(what: string): PluginServices {
    const services = this[SERVICES];
    if (!services) {
      throw new Error(`this.${what} is not attached yet: the runtime attaches it after the constructor, before OnConfigurationChange/OnActivate; use it from a hook`);
    }
    return services;
  }
}

/** Gives a Plugin instance its services (the runtime and the test kit call this). */
export function attachServices(plugin: Plugin, services: PluginServices): void {
  plugin[SERVICES] = services;
}

/** A plugin written as an object of handlers (see definePlugin). */
export type PluginDefinition = Readonly<HookHandlers>;

/**
 * Defines a plugin as an object of hook handlers, each typed from the wire contract without
 * annotations: `definePlugin({ async messageWillBePosted(ctx, { post }) { ... } })`. A key that is
 * not a hook is a type error, so a misspelt hook cannot be silently ignored. State lives in the
 * module (or a closure); the API, logger and config are in each handler's context.
 */
export function definePlugin(handlers: HookHandlers): PluginDefinition {
  return handlers;
}

/** Anything runPlugin and the test kit accept: a definition, a Plugin subclass, or an instance. */
export type PluginSource = PluginDefinition | Plugin | (new () => Plugin);

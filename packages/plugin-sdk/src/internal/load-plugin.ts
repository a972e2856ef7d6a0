import { Plugin, attachServices, type PluginServices, type PluginSource } from "../plugin.js";
import { pluginTarget, type PluginTarget } from "./plugin-target.js";

/**
 * Turns what the author passed to runPlugin (or the test kit) into a PluginTarget: a class is
 * constructed with no arguments, a Plugin instance gets its services attached, and the handlers
 * are collected and checked.
 */
export function loadPlugin(source: PluginSource, services: PluginServices): PluginTarget {
  const instance: object = typeof source === "function" ? new source() : source;
  if (instance instanceof Plugin) {
    attachServices(instance, services);
    return pluginTarget(instance, Plugin.prototype);
  }
  return pluginTarget(instance);
}

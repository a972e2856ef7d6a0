// Public surface of @polyplug/plugin/bundle: turn a plugin's TypeScript into a distributable bundle.
export { bundlePlugin, type BundlePluginOptions, type BundlePluginResult } from "./bundle-plugin.js";

// Public surface of @polyplug/plugin/testing: unit-test a plugin from node:test without a host.
export { FakePluginAPI, FAKE_SERVER_VERSION, type FakeApiCall, type FakeMethod } from "./fake-plugin-api.js";
export { HookInvoker, type CapturedLog, type HookInvokerOptions, type InvokableHook, type InvokeArgs, type InvokeResult } from "./hook-invoker.js";
export type { FakeHttpHandler, FakeHttpRequest, FakeHttpResponse } from "./fake-http-stream.js";
export type { TestHttpRequest, TestHttpResponse } from "./test-http.js";

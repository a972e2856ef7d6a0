/**
 * A scriptable AppHooks for app-logic tests: each hook's behaviour is a replaceable function,
 * and every call is recorded so tests can assert what plugins would have seen.
 */
import type { AppHooks } from "../../src/app/app-hooks.js";
import type { CommandArgs, CommandResponse } from "../../src/app/models/command.js";
import type { Post } from "../../src/app/models/post.js";

type Verdict = Awaited<ReturnType<AppHooks["messageWillBePosted"]>>;

export interface FakeHooks extends AppHooks {
  willBePosted: (post: Post) => Verdict | Promise<Verdict>;
  execute: (pluginId: string, args: CommandArgs) => CommandResponse | Promise<CommandResponse>;
  readonly seenWillBePosted: Post[];
  readonly seenHasBeenPosted: Post[];
  readonly seenCommands: { pluginId: string; args: CommandArgs }[];
}

export function createFakeHooks(): FakeHooks {
  const fake: FakeHooks = {
    willBePosted: (post) => ({ kind: "allow", post }),
    execute: () => ({ response_type: "ephemeral", text: "" }),
    seenWillBePosted: [],
    seenHasBeenPosted: [],
    seenCommands: [],
    async messageWillBePosted(post) {
      fake.seenWillBePosted.push(structuredClone(post));
      return fake.willBePosted(post);
    },
    messageHasBeenPosted(post) {
      fake.seenHasBeenPosted.push(post);
    },
    async executeCommand(pluginId, args) {
      fake.seenCommands.push({ pluginId, args });
      return fake.execute(pluginId, args);
    },
  };
  return fake;
}

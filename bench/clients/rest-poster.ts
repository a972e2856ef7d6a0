/**
 * Creates posts over REST (`POST /api/v4/posts`) from its own process, keeping `inFlight` requests
 * outstanding on keep-alive connections: `warmup` untimed posts, then `total` timed ones. Prints
 * `{"wallMs":…, "latenciesUs":[…]}`; fails on any answer but 201.
 * Usage: node --import tsx bench/clients/rest-poster.ts <base-url> <token> <channel-id> <total> <in-flight> <warmup>
 */
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

const [baseUrl, token, channelId, totalArg, inFlightArg, warmupArg] = process.argv.slice(2);
if (!baseUrl || !token || !channelId) {
  process.stderr.write("usage: rest-poster.ts <base-url> <token> <channel-id> <total> <in-flight> <warmup>\n");
  process.exit(2);
}
const total = Number(totalArg);
const inFlight = Number(inFlightArg);
const warmup = Number(warmupArg);
const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
const url = new URL("/api/v4/posts", baseUrl);

function post(message: string): Promise<void> {
  const body = JSON.stringify({ channel_id: channelId, message });
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => (res.statusCode === 201 ? resolve() : reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`))));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function run(count: number, latencies: number[] | undefined): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started += 1;
      const t0 = performance.now();
      await post(`bench post ${started}: the quick brown fox jumps over the lazy dog`);
      latencies?.push((performance.now() - t0) * 1000);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

await run(warmup, undefined);
const latenciesUs: number[] = [];
const t0 = performance.now();
await run(total, latenciesUs);
const wallMs = performance.now() - t0;
agent.destroy();
process.stdout.write(`${JSON.stringify({ wallMs, latenciesUs })}\n`);

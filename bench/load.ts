/**
 * HTTP load over loopback with autocannon: every response's latency is collected, so p50/p95 are
 * exact rather than autocannon's fixed percentiles.
 */
import autocannon from "autocannon";
import { percentile } from "./measure";

export type LoadResult = {
  requests: number;
  non2xx: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  durationSeconds: number;
};

export async function runLoad(input: {
  url: string;
  connections: number;
  requests: autocannon.Request[];
  durationSeconds?: number;
  amount?: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  let instance: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: input.url,
        connections: input.connections,
        pipelining: 1,
        ...(input.amount ? { amount: input.amount } : { duration: input.durationSeconds ?? 5 }),
        headers: input.headers,
        requests: input.requests,
        timeout: 30,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  const result = await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const requests = result.requests.total;
  return {
    requests,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    perSecond: Number((requests / seconds).toFixed(1)),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p95Ms: Number(percentile(latencies, 95).toFixed(2)),
    durationSeconds: Number(seconds.toFixed(1)),
  };
}

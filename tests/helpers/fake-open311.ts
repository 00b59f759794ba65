import http from "node:http";

export type ExternalRequest = {
  id: string;
  token: string | null;
  form: URLSearchParams;
  status: "open" | "closed";
  notes: string | null;
};
type Reply = { status: number; body: unknown };

/**
 * An organisation's own Open311 system, faked at the edge: it files what is posted, answers
 * with an id (or a token redeemed later), and reports status as the test sets it. `failNext`
 * queues error replies for the next posts.
 */
export async function startFakeOpen311(input: { answerWithToken?: boolean } = {}) {
  const requests: ExternalRequest[] = [];
  const posts: URLSearchParams[] = [];
  const failNext: Reply[] = [];
  let issued = 0;
  let redeemable = true;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "POST" && url.pathname === "/v2/requests.json") {
        const form = new URLSearchParams(raw);
        posts.push(form);
        const failure = failNext.shift();
        if (failure) return send(failure.status, failure.body);
        if (form.get("api_key") !== "utility-key")
          return send(403, [{ code: 403, description: "Invalid api_key" }]);
        issued++;
        const request: ExternalRequest = {
          id: String(1000 + issued),
          token: `tok-${issued}`,
          form,
          status: "open",
          notes: null,
        };
        requests.push(request);
        return send(201, [
          input.answerWithToken
            ? { token: request.token }
            : { service_request_id: request.id, service_notice: "" },
        ]);
      }
      if (req.method === "GET" && url.pathname.startsWith("/v2/tokens/")) {
        const token = decodeURIComponent(url.pathname.slice("/v2/tokens/".length).replace(/\.json$/, ""));
        const found = requests.find((r) => r.token === token);
        if (!found) return send(404, [{ code: 404, description: "Unknown token" }]);
        return send(200, [{ token, service_request_id: redeemable ? found.id : null }]);
      }
      if (req.method === "GET" && url.pathname === "/v2/requests.json") {
        const ids = (url.searchParams.get("service_request_id") ?? "").split(",");
        return send(
          200,
          requests
            .filter((r) => ids.includes(r.id))
            .map((r) => ({
              service_request_id: r.id,
              status: r.status,
              status_notes: r.notes,
              updated_datetime: "2026-11-20T10:00:00+01:00",
            })),
        );
      }
      send(404, [{ code: 404, description: "Not found" }]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    posts,
    failNext,
    holdTokens: (hold: boolean) => (redeemable = !hold),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

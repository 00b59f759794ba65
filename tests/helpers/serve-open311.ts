import { GET as getResource, POST as postResource } from "../../app/open311/v2/[resource]/route";
import { GET as getRequest } from "../../app/open311/v2/requests/[id]/route";
import { GET as getToken } from "../../app/open311/v2/tokens/[token]/route";
import { serveRoutes, type Route } from "./serve-routes";

/** This platform's own Open311 server on a real port, for a client talking to it over the network. */
export async function serveOwnOpen311() {
  const served = await serveRoutes([
    { pattern: "/open311/v2/tokens/:token", GET: getToken },
    { pattern: "/open311/v2/requests/:id", GET: getRequest },
    { pattern: "/open311/v2/:resource", GET: getResource, POST: postResource },
  ] as Route[]);
  return { baseUrl: `${served.origin}/open311/v2`, stop: served.stop };
}

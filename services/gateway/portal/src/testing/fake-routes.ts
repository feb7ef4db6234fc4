// Routes a test server answers by "METHOD /path" (query ignored), each a fixed answer or a
// function of the request; anything else is 404 NOT_FOUND.
import {
  startTestServer,
  type Answer,
  type Handler,
  type ReceivedRequest,
  type TestServer,
} from './http-test-server';

export type Routes = Record<string, Answer | ((request: ReceivedRequest) => Answer)>;

export function routeHandler(routes: () => Routes): Handler {
  return (request) => {
    const path = request.path.split('?')[0] ?? '';
    const answer = routes()[`${request.method} ${path}`];
    if (!answer)
      return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no route' } } };
    return typeof answer === 'function' ? answer(request) : answer;
  };
}

export function errorAnswer(status: number, code: string, details?: unknown): Answer {
  return {
    status,
    body: { error: { code, message: 'server text', ...(details ? { details } : {}) } },
  };
}

export function jsonBody(request: ReceivedRequest | undefined): unknown {
  return JSON.parse(request?.body || 'null');
}

export interface RouteServer {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** What the server answers; reset to the defaults before each test. */
  routes: Routes;
}

/**
 * A route-answering test server for one `describe`: started before its tests, emptied of
 * recorded requests and given the default routes before each, closed after them all.
 */
export function useRouteServer(defaults: () => Routes = () => ({})): RouteServer {
  let server: TestServer | undefined;
  let routes: Routes = defaults();
  const started = (): TestServer => {
    if (!server) throw new Error('the route server is used outside its describe block');
    return server;
  };
  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    started().requests.length = 0;
    routes = defaults();
  });
  return {
    get url() {
      return started().url;
    },
    get requests() {
      return started().requests;
    },
    get routes() {
      return routes;
    },
    set routes(next: Routes) {
      routes = next;
    },
  };
}

import { ApiError, CLIENT_ERROR_CODES, errorFromResponse } from './api-error';

export const REQUEST_ID_HEADER = 'x-request-id';
/** The code a service answers when an access token has run out; a refresh fixes it. */
export const TOKEN_EXPIRED_CODE = 'AUTH_TOKEN_EXPIRED';

/** Where the client gets its bearer token, and how it renews one that expired. */
export interface TokenSource {
  accessToken(): string | null;
  /** Renews the access token; resolves false when the session cannot be renewed. */
  refresh(): Promise<boolean>;
}

export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface RequestOptions {
  readonly body?: unknown;
  readonly query?: Query;
  readonly headers?: Readonly<Record<string, string>>;
  /** Send the bearer token (default true). Public routes may skip it. */
  readonly auth?: boolean;
  readonly signal?: AbortSignal;
}

export interface UploadOptions {
  readonly method?: 'POST' | 'PUT';
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** Called as bytes leave: loaded and total (total 0 when unknown). */
  readonly onProgress?: (loaded: number, total: number) => void;
}

export interface ApiClientOptions {
  /** Prefix of every path, e.g. `http://127.0.0.1:3000`; empty for the page's own origin. */
  readonly baseUrl?: string;
  readonly tokens?: TokenSource;
  readonly fetch?: typeof fetch;
  readonly createXhr?: () => XMLHttpRequest;
  readonly newRequestId?: () => string;
}

interface RawResponse {
  readonly status: number;
  readonly text: string;
  readonly requestId: string | null;
}

type Send = (headers: Record<string, string>) => Promise<RawResponse>;

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}

function parseBody(response: RawResponse): unknown {
  if (response.text === '') return undefined;
  try {
    return JSON.parse(response.text);
  } catch {
    throw new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.unexpected,
      message: 'The answer was not JSON',
      requestId: response.requestId,
    });
  }
}

/**
 * JSON over HTTP to the platform through the gateway (`/api/<service>/…`). Every call
 * carries a request id; a failure becomes an ApiError with the service's stable code; an
 * expired access token is refreshed once and the call repeated.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly tokens: TokenSource | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly createXhr: () => XMLHttpRequest;
  private readonly newRequestId: () => string;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.tokens = options.tokens;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.createXhr = options.createXhr ?? (() => new XMLHttpRequest());
    this.newRequestId = options.newRequestId ?? randomId;
  }

  get<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  patch<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  delete<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('DELETE', path, { ...options, body });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = this.baseUrl + withQuery(path, options.query);
    const hasBody = options.body !== undefined;
    const send: Send = async (headers) => {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers: {
            accept: 'application/json',
            ...(hasBody ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (cause) {
        throw this.transportError(cause, headers[REQUEST_ID_HEADER] ?? null);
      }
      return {
        status: response.status,
        text: await response.text(),
        requestId: response.headers.get(REQUEST_ID_HEADER) ?? headers[REQUEST_ID_HEADER] ?? null,
      };
    };
    // The services' answers are trusted to match their documented shapes.
    return parseBody(await this.withAuth(send, options)) as T;
  }

  /** A file upload (multipart) with upload progress, which fetch cannot report. */
  async upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
    const url = this.baseUrl + path;
    const send: Send = (headers) =>
      new Promise<RawResponse>((resolve, reject) => {
        const xhr = this.createXhr();
        xhr.open(options.method ?? 'POST', url);
        for (const [name, value] of Object.entries({ accept: 'application/json', ...headers })) {
          xhr.setRequestHeader(name, value);
        }
        const requestId = headers[REQUEST_ID_HEADER] ?? null;
        xhr.upload.addEventListener('progress', (event) => {
          options.onProgress?.(event.loaded, event.lengthComputable ? event.total : 0);
        });
        xhr.addEventListener('load', () => {
          resolve({
            status: xhr.status,
            text: xhr.responseText,
            requestId: xhr.getResponseHeader(REQUEST_ID_HEADER) ?? requestId,
          });
        });
        xhr.addEventListener('error', () => {
          reject(this.transportError(new Error('network error'), requestId));
        });
        xhr.addEventListener('abort', () => {
          reject(this.transportError(new DOMException('aborted', 'AbortError'), requestId));
        });
        if (options.signal) {
          if (options.signal.aborted) {
            xhr.abort();
            return;
          }
          options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
        }
        xhr.send(form);
      });
    return parseBody(
      await this.withAuth(send, {
        auth: true,
        ...(options.headers ? { headers: options.headers } : {}),
      }),
    ) as T;
  }

  /** Sends once; on an expired token refreshes and sends once more. */
  private async withAuth(
    send: Send,
    options: Pick<RequestOptions, 'auth' | 'headers'>,
  ): Promise<RawResponse> {
    const tokens = options.auth === false ? undefined : this.tokens;
    const attempt = () => {
      const headers: Record<string, string> = {
        ...options.headers,
        [REQUEST_ID_HEADER]: this.newRequestId(),
      };
      const token = tokens?.accessToken();
      if (token) headers.authorization = `Bearer ${token}`;
      return send(headers);
    };
    let response = await attempt();
    if (response.status >= 200 && response.status < 300) return response;
    let error = errorFromResponse(response.status, response.text, response.requestId);
    if (tokens && error.status === 401 && error.code === TOKEN_EXPIRED_CODE) {
      if (await tokens.refresh()) {
        response = await attempt();
        if (response.status >= 200 && response.status < 300) return response;
        error = errorFromResponse(response.status, response.text, response.requestId);
      }
    }
    throw error;
  }

  private transportError(cause: unknown, requestId: string | null): ApiError {
    // Read by shape: error classes differ between realms (page, worker, test runner).
    const { name, message } =
      typeof cause === 'object' && cause !== null
        ? (cause as { name?: unknown; message?: unknown })
        : { name: undefined, message: cause };
    return new ApiError({
      status: 0,
      code: name === 'AbortError' ? CLIENT_ERROR_CODES.aborted : CLIENT_ERROR_CODES.network,
      message: typeof message === 'string' ? message : String(cause),
      requestId,
    });
  }
}

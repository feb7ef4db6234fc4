import { ApiError, CLIENT_ERROR_CODES, errorFromResponse } from './api-error';
import { REQUEST_ID_HEADER, TOKEN_EXPIRED_CODE, type TokenSource } from './client';

/** A file the platform sent: its bytes and the name it asked to be saved under. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

export interface DownloadOptions {
  readonly tokens: TokenSource;
  /** Prefix of the path (the test server's origin); empty in the browser. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
  /** Bytes received and the total (0 when the server did not say). */
  readonly onProgress?: (received: number, total: number) => void;
  /** The name to use when the answer names none. */
  readonly fallbackName: string;
}

/**
 * The file name of a `Content-Disposition` header: `filename*` (RFC 5987, UTF-8) first,
 * then a quoted or bare `filename`; null when it names none.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, '$1');
  const bare = /filename\s*=\s*([^;\s]+)/.exec(header);
  return bare?.[1] ?? null;
}

function transportError(cause: unknown, requestId: string): ApiError {
  const name =
    typeof cause === 'object' && cause !== null ? (cause as { name?: unknown }).name : null;
  return new ApiError({
    status: 0,
    code: name === 'AbortError' ? CLIENT_ERROR_CODES.aborted : CLIENT_ERROR_CODES.network,
    message: String(cause),
    requestId,
  });
}

/**
 * Downloads a file from the platform with the signed-in person's token, reporting progress
 * as bytes arrive (exports and evidence can be large). An expired token is refreshed once.
 * A failure is an ApiError with the service's code, as for every other call.
 */
export async function downloadFile(
  path: string,
  options: DownloadOptions,
): Promise<DownloadedFile> {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const attempt = async () => {
    const requestId = globalThis.crypto.randomUUID();
    const token = options.tokens.accessToken();
    try {
      const response = await fetchImpl((options.baseUrl ?? '') + path, {
        headers: {
          [REQUEST_ID_HEADER]: requestId,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { response, requestId };
    } catch (cause) {
      throw transportError(cause, requestId);
    }
  };
  let { response, requestId } = await attempt();
  if (response.status === 401) {
    const error = errorFromResponse(
      401,
      await response.text(),
      response.headers.get(REQUEST_ID_HEADER) ?? requestId,
    );
    if (error.code !== TOKEN_EXPIRED_CODE || !(await options.tokens.refresh())) throw error;
    ({ response, requestId } = await attempt());
  }
  const answeredId = response.headers.get(REQUEST_ID_HEADER) ?? requestId;
  if (!response.ok) throw errorFromResponse(response.status, await response.text(), answeredId);
  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const chunks: Uint8Array[] = [];
  let received = 0;
  options.onProgress?.(0, total);
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        options.onProgress?.(received, total);
      }
    }
  } catch (cause) {
    throw transportError(cause, answeredId);
  }
  return {
    blob: new Blob(chunks as BlobPart[], { type }),
    filename:
      filenameFromDisposition(response.headers.get('content-disposition')) ?? options.fallbackName,
  };
}

/** Hands a downloaded file to the browser to save. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

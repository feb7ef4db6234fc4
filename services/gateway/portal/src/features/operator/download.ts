import { ApiError, CLIENT_ERROR_CODES, errorFromResponse } from '../../api/api-error';
import { REQUEST_ID_HEADER, TOKEN_EXPIRED_CODE, type TokenSource } from '../../api/client';

/** The file name a `Content-Disposition` header gives (`filename*` first), else null. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // Malformed escapes: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name.trim().replace(/\\(.)/g, '$1') : null;
}

/**
 * Downloads a file the services serve only with a bearer token (evidence), so a plain link
 * cannot fetch it: fetched with the session's token and handed to the browser as a file.
 */
export async function downloadFile(
  tokens: TokenSource,
  path: string,
  fallbackName: string,
  baseUrl = '',
): Promise<void> {
  const attempt = async () => {
    const token = tokens.accessToken();
    const requestId = globalThis.crypto.randomUUID();
    try {
      return await fetch(baseUrl + path, {
        headers: {
          [REQUEST_ID_HEADER]: requestId,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    } catch (cause) {
      // Nothing answered: the same code the API client gives, so the page says it the same way.
      throw new ApiError({
        status: 0,
        code: CLIENT_ERROR_CODES.network,
        message: cause instanceof Error ? cause.message : String(cause),
        requestId,
      });
    }
  };
  let response = await attempt();
  if (response.status === 401) {
    const error = errorFromResponse(
      401,
      await response.text(),
      response.headers.get(REQUEST_ID_HEADER),
    );
    if (error.code !== TOKEN_EXPIRED_CODE || !(await tokens.refresh())) throw error;
    response = await attempt();
  }
  if (!response.ok) {
    throw errorFromResponse(
      response.status,
      await response.text(),
      response.headers.get(REQUEST_ID_HEADER),
    );
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download =
    filenameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

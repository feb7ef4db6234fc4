export type ProbeResult =
  | { readonly kind: 'answered'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'unreachable' | 'timeout'; readonly detail: string };

/**
 * GETs a JSON resource of a service (its OpenAPI document, its readiness) within
 * `timeoutMs`, body included. Never throws: what went wrong is the result.
 */
export async function probeUpstream(url: URL, timeoutMs: number): Promise<ProbeResult> {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the status still says what happened.
    }
    return { kind: 'answered', status: response.status, body };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return { kind: 'timeout', detail: `no answer within ${timeoutMs} ms` };
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { kind: 'unreachable', detail: cause instanceof Error ? cause.message : String(cause) };
  }
}

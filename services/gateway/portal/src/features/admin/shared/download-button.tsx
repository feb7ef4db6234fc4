import { useState } from 'react';
import { useSessionStore } from '../../../auth/session-context';
import { useMessages } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Progress } from '../../../ui/progress';
import { downloadFile, saveFile } from '../../../api/download';
import { adminMessages } from './messages';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly received: number; readonly total: number }
  | { readonly kind: 'done'; readonly filename: string }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * A button that downloads a file from the platform (`/api/…`), shows its progress while the
 * bytes arrive, then hands it to the browser; a failure shows the service's error.
 */
export function DownloadButton({
  path,
  label,
  filename,
  codes,
}: {
  path: string;
  label: string;
  /** The name when the answer gives none. */
  filename: string;
  codes?: Readonly<Record<string, string>>;
}) {
  const t = useMessages(adminMessages);
  const tokens = useSessionStore();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const start = async () => {
    setState({ kind: 'running', received: 0, total: 0 });
    try {
      const file = await downloadFile(path, {
        tokens,
        fallbackName: filename,
        onProgress: (received, total) => setState({ kind: 'running', received, total }),
      });
      saveFile(file);
      setState({ kind: 'done', filename: file.filename });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  return (
    <div className="download">
      <Button variant="secondary" busy={state.kind === 'running'} onClick={() => void start()}>
        {label}
      </Button>
      {state.kind === 'running' ? (
        <Progress
          label={t.downloading(filename)}
          {...(state.total > 0 ? { value: state.received, max: state.total } : {})}
        />
      ) : null}
      {state.kind === 'done' ? (
        <Alert tone="success">
          <p>{t.downloaded(state.filename)}</p>
        </Alert>
      ) : null}
      {state.kind === 'failed' ? (
        <ErrorAlert error={state.error} {...(codes ? { codes } : {})} />
      ) : null}
    </div>
  );
}

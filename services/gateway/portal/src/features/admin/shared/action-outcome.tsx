import type { Action } from '../../../api/use-action';
import type { ErrorCodeMessages } from '../../../api/describe-error';
import { Alert, ErrorAlert } from '../../../ui/alert';
import { Progress } from '../../../ui/progress';

/**
 * What a button's action came to: its progress while it runs (when named), the success
 * notice, or the service's error in the person's language.
 */
export function ActionOutcome({
  action,
  notice,
  progress,
  codes,
}: {
  action: Action;
  notice: string | null;
  /** Names the running action for the progress indicator; none shown without it. */
  progress?: string;
  codes: ErrorCodeMessages;
}) {
  return (
    <>
      {progress && action.busy ? <Progress label={progress} /> : null}
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} codes={codes} /> : null}
    </>
  );
}

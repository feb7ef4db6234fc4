import { Alert } from '../../../ui/alert';

/** A first password the service returns once: shown with what it is for, never stored. */
export function OneTimePassword({ title, password }: { title: string; password: string }) {
  return (
    <Alert tone="success" title={title}>
      <p>
        <code className="one-time-password">{password}</code>
      </p>
    </Alert>
  );
}

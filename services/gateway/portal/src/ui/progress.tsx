import { useMessages } from '../i18n';
import { uiMessages } from './messages';

/**
 * Progress of a long operation: determinate with `value`/`max`, else indeterminate. The
 * label names what is going on; the percentage is announced as it changes.
 */
export function Progress({
  label,
  value,
  max = 100,
}: {
  label: string;
  value?: number;
  max?: number;
}) {
  const t = useMessages(uiMessages);
  const percent =
    value === undefined || max <= 0 ? null : Math.round((Math.min(value, max) / max) * 100);
  return (
    <div className="progress" role="status">
      <span className="progress-label">{label}</span>
      {percent === null ? (
        <progress aria-label={label} />
      ) : (
        <>
          <progress aria-label={label} value={Math.min(value ?? 0, max)} max={max} />
          <span className="progress-value">{t.percentDone(percent)}</span>
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import { codeMessages } from '../../api/code-messages';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { TextArea } from '../../ui/field';
import { evaluatorApi } from './evaluator-api';
import { evaluatorMessages } from './messages';

export type EndKind = 'decline' | 'recuse';

export const END_REASON_MIN = 3;
export const END_REASON_MAX = 2000;

/** The reason's check before sending (evaluation takes 3–2000 characters). */
export function endReasonValid(reason: string): boolean {
  const length = reason.trim().length;
  return length >= END_REASON_MIN && length <= END_REASON_MAX;
}

export interface EndedAssignment {
  readonly title: string;
  readonly replaced: boolean;
}

/**
 * Declining an assignment or declaring a conflict of interest, with its consequence spelt
 * out before the person confirms: evaluation ends the assignment and assigns a replacement
 * in one step, so there is no undo.
 */
export function EndAssignmentDialog({
  assignmentId,
  title,
  onClose,
  onEnded,
}: {
  assignmentId: string | null;
  title: string;
  onClose: () => void;
  onEnded: (ended: EndedAssignment) => void;
}) {
  const t = useMessages(evaluatorMessages);
  const api = useApi();
  const action = useAction();
  const [kind, setKind] = useState<EndKind>('decline');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const invalid = touched && !endReasonValid(reason);

  const close = () => {
    setReason('');
    setTouched(false);
    setKind('decline');
    action.setError(null);
    onClose();
  };

  const confirm = async () => {
    setTouched(true);
    if (!assignmentId || !endReasonValid(reason)) return;
    let replaced = false;
    const ok = await action.run(async () => {
      const result = await evaluatorApi.endAssignment(api, assignmentId, kind, reason.trim());
      replaced = result.replacement !== null;
    });
    if (ok) {
      close();
      onEnded({ title, replaced });
    }
  };

  return (
    <Dialog
      open={assignmentId !== null}
      title={t.endTitle}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t.cancel}
          </Button>
          <Button variant="danger" busy={action.busy} onClick={() => void confirm()}>
            {t.endConfirm}
          </Button>
        </>
      }
    >
      <p>
        <strong>{title}</strong>
      </p>
      <fieldset>
        <legend>{t.endKind}</legend>
        {(['decline', 'recuse'] as const).map((value) => (
          <div className="checkbox" key={value}>
            <input
              type="radio"
              id={`end-kind-${value}`}
              name="end-kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            <label htmlFor={`end-kind-${value}`}>
              {value === 'decline' ? t.endDecline : t.endRecuse}
            </label>
          </div>
        ))}
      </fieldset>
      <TextArea
        label={t.endReason}
        hint={t.endReasonHint}
        required
        rows={4}
        maxLength={END_REASON_MAX}
        value={reason}
        error={invalid ? t.endReasonShort : undefined}
        onChange={(event) => setReason(event.target.value)}
        onBlur={() => setTouched(true)}
      />
      <Alert tone="warning">
        <p>{t.endConsequence}</p>
      </Alert>
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
    </Dialog>
  );
}

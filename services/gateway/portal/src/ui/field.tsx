import { useId } from 'react';
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

interface FieldFrame {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** The message of a failed check; marks the control invalid. */
  readonly error?: ReactNode;
  /** Marks the field required (the browser check is left to the form's own validation). */
  readonly required?: boolean;
}

interface FrameIds {
  readonly id: string;
  readonly describedBy: string | undefined;
}

function useFrameIds(
  explicitId: string | undefined,
  frame: FieldFrame,
): FrameIds & {
  readonly hintId: string;
  readonly errorId: string;
} {
  const generated = useId();
  const id = explicitId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [frame.hint ? hintId : null, frame.error ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  return { id, hintId, errorId, describedBy };
}

function Frame({
  frame,
  ids,
  children,
}: {
  frame: FieldFrame;
  ids: ReturnType<typeof useFrameIds>;
  children: ReactNode;
}) {
  return (
    <div className={frame.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={ids.id} className="field-label">
        {frame.label}
        {frame.required ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {frame.hint ? (
        <p id={ids.hintId} className="field-hint">
          {frame.hint}
        </p>
      ) : null}
      {children}
      {frame.error ? (
        <p id={ids.errorId} className="field-error">
          {frame.error}
        </p>
      ) : null}
    </div>
  );
}

function controlProps(frame: FieldFrame, ids: FrameIds) {
  return {
    id: ids.id,
    'aria-describedby': ids.describedBy,
    'aria-invalid': frame.error ? true : undefined,
    'aria-required': frame.required ? true : undefined,
  } as const;
}

export type FieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'required'>;

/** A text-like input with its label, hint and error tied to it by id. */
export function Field({ label, hint, error, required, id, className, ...input }: FieldProps) {
  const frame = { label, hint, error, required };
  const ids = useFrameIds(id, frame);
  return (
    <Frame frame={frame} ids={ids}>
      <input
        {...input}
        {...controlProps(frame, ids)}
        className={['input', className].filter(Boolean).join(' ')}
      />
    </Frame>
  );
}

export type TextAreaProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'required'>;

export function TextArea({
  label,
  hint,
  error,
  required,
  id,
  className,
  ...textarea
}: TextAreaProps) {
  const frame = { label, hint, error, required };
  const ids = useFrameIds(id, frame);
  return (
    <Frame frame={frame} ids={ids}>
      <textarea
        {...textarea}
        {...controlProps(frame, ids)}
        className={['input', className].filter(Boolean).join(' ')}
      />
    </Frame>
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export type SelectProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'required'> & {
    readonly options: readonly SelectOption[];
    /** A first, empty choice (e.g. "All"). */
    readonly placeholder?: string;
  };

export function Select({
  label,
  hint,
  error,
  required,
  id,
  options,
  placeholder,
  className,
  ...select
}: SelectProps) {
  const frame = { label, hint, error, required };
  const ids = useFrameIds(id, frame);
  return (
    <Frame frame={frame} ids={ids}>
      <select
        {...select}
        {...controlProps(frame, ids)}
        className={['input', className].filter(Boolean).join(' ')}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
};

export function Checkbox({ label, hint, id, ...input }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  return (
    <div className="checkbox">
      <input {...input} type="checkbox" id={inputId} aria-describedby={hint ? hintId : undefined} />
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

// A labelled form field with a visible required mark (explained by RequiredNote) and its error right
// below it, tied to the input with aria-describedby and aria-invalid.
import { cloneElement, type ReactElement, useId } from 'react';

export function Field({
  label,
  required = false,
  error,
  hint,
  children,
  className,
}: {
  label: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const control = cloneElement(children, {
    id,
    ...(required ? { 'aria-required': true } : {}),
    ...(error ? { 'aria-invalid': true } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  });
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <span className="field-label">
        <label htmlFor={id}>{label}</label>
        {/* The mark is for the eye; screen readers get aria-required on the control. */}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </span>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {control}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The explanation of the required mark, shown once at the top of a form. */
export function RequiredNote() {
  return (
    <p className="small muted">
      Felter mærket med <span aria-hidden="true">*</span>
      <span className="sr-only">stjerne</span> skal udfyldes.
    </p>
  );
}

/** Errors by field path; `message` is shown at the form when no field matches. */
export function byPath(fields: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.path] = out[f.path] ? `${out[f.path]} ${f.message}` : f.message;
  return out;
}

// The submit cycle shared by the app's create forms: the form's own checks first (shown beside the fields),
// then one request at a time; a refused request shows the server's Danish message and its field errors.

import { useState } from 'react';
import { fieldErrors } from '../api.ts';
import { byPath } from './Field.tsx';

export function useFormSubmit() {
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  /** Runs `check` (field → message; empty when the form is fine), then `send` unless a check failed. */
  const submit = async (check: () => Record<string, string>, send: () => Promise<void>) => {
    if (pending) return;
    setError(null);
    const local = check();
    setErrors(local);
    if (Object.keys(local).length) return;
    setPending(true);
    try {
      await send();
    } catch (err) {
      setErrors(byPath(fieldErrors(err)));
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  };
  return { error, errors, pending, submit };
}

/** The form's error message, announced to screen readers when it appears. */
export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;
}

import { alertClass } from "./form-styles";

/** A form's error, announced to screen readers as it appears; nothing while there is none. */
export function FormAlert({ error, className }: { error: string | null | undefined; className?: string }) {
  return error ? (
    <p role="alert" className={className ? `${alertClass} ${className}` : alertClass}>
      {error}
    </p>
  ) : null;
}

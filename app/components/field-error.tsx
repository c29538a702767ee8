/** The message under a form field after a 400; `id` is what the input's aria-describedby points to. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id} role="alert" data-testid={`error-${id}`}>
      {errors[0]}
    </p>
  );
}

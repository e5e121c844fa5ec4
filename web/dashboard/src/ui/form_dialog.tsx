import type { ComponentChildren } from 'preact';
import { errorMessage, tc } from '../i18n/common';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormError } from './form_error';
import type { Submission } from './use_submit';

interface FormDialogProps {
  title: ComponentChildren;
  onClose: () => void;
  submission: Submission;
  // Without a label the dialog only shows something: its one button closes it.
  submitLabel?: ComponentChildren;
  submitVariant?: 'primary' | 'danger';
  canSubmit?: boolean;
  wide?: boolean;
  // How the error reads; null when the form shows it elsewhere (on a field).
  describeError?: (error: unknown) => string | null;
  children: ComponentChildren;
}

// A dialog around one form: Enter or the submit button runs the submission,
// Cancel closes, and what the host refused is shown above the footer.
export function FormDialog({
  title, onClose, submission, submitLabel, submitVariant = 'primary', canSubmit = true, wide, describeError = errorMessage, children,
}: FormDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      onSubmit={() => {
        if (submitLabel !== undefined && canSubmit) void submission.submit();
      }}
      footer={
        <>
          <Button onClick={onClose}>{submitLabel === undefined ? tc('close') : tc('cancel')}</Button>
          {submitLabel !== undefined && (
            <Button type="submit" variant={submitVariant} loading={submission.busy} disabled={!canSubmit}>{submitLabel}</Button>
          )}
        </>
      }
    >
      {children}
      <FormError error={submission.error} describe={describeError} />
    </Dialog>
  );
}

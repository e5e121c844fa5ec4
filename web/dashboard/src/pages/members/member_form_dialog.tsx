import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Member } from '../../api/types';
import { errorMessage, tc } from '../../i18n/common';
import { FormDialog } from '../../ui/form_dialog';
import { Field, TextInput } from '../../ui/field';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { normalisePhone } from './phone';

// Errors of the phone that belong under the phone field, not on the form.
const PHONE_ERRORS = new Set(['invalid_phone', 'phone_taken']);
const isPhoneError = (error: unknown) => error instanceof ApiError && PHONE_ERRORS.has(error.code);

// Creates a member, or edits one when `member` is given. The phone field
// shows how the number will be stored (0812… → 62812…).
export function MemberFormDialog({ member, onClose, onSaved }: {
  member?: Member;
  onClose: () => void;
  onSaved: (member: Member) => void;
}) {
  const [name, setName] = useState(member?.name ?? '');
  const [phone, setPhone] = useState(member?.phone ?? '');
  const [notes, setNotes] = useState(member?.notes ?? '');
  const [tried, setTried] = useState(false);

  const stored = normalisePhone(phone);
  const submission = useSubmit(async () => {
    setTried(true);
    if (name.trim() === '' || !stored) return;
    const body = { name: name.trim(), phone, notes };
    const saved = member
      ? await api<Member>(`/members/${member.id}`, { method: 'PUT', body })
      : await api<Member>('/members', { body });
    toast('success', t(member ? 'updated' : 'created', { name: saved.name }));
    onSaved(saved);
  });

  const nameProblem = tried && name.trim() === '' ? t('name_required') : null;
  // A number is judged once it could be complete, or when the user saves.
  const phoneProblem = (isPhoneError(submission.error) ? errorMessage(submission.error) : null) ?? (!stored && (tried || phone.trim().length >= 8) ? t('phone_invalid') : null);

  return (
    <FormDialog
      title={member ? t('edit_title') : t('create_title')}
      onClose={onClose}
      submission={submission}
      submitLabel={member ? tc('save') : tc('create')}
      describeError={(error) => (isPhoneError(error) ? null : errorMessage(error))}
    >
      <Field label={t('name')} error={nameProblem}>
        {(id, invalid) => <TextInput id={id} name="name" value={name} onValue={setName} invalid={invalid} maxLength={80} autoComplete="off" />}
      </Field>
      <Field label={t('phone')} error={phoneProblem} hint={stored && t('phone_stored_as', { phone: stored })}>
        {(id, invalid) => (
          <TextInput id={id} name="phone" type="tel" inputMode="tel" value={phone} invalid={invalid} autoComplete="off"
            onValue={(value) => { setPhone(value); if (isPhoneError(submission.error)) submission.clearError(); }} placeholder="0812…" />
        )}
      </Field>
      <Field label={t('notes')}>
        {(id) => (
          <textarea id={id} name="notes" class="textarea" value={notes} maxLength={1000}
            onInput={(event) => setNotes(event.currentTarget.value)} />
        )}
      </Field>
    </FormDialog>
  );
}

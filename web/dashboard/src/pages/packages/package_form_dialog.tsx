import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Package } from '../../api/types';
import { parseMoney } from '../../format/money';
import { tc } from '../../i18n/common';
import { FormDialog } from '../../ui/form_dialog';
import { Field, Select, Switch, TextInput } from '../../ui/field';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { consoleLabel } from './console_label';
import { t } from './messages';
import { OpenPlayPreview } from './open_play_preview';
import { checkDraft, CONSOLE_CHOICES, type DraftField, draftOf, type PackageDraft, ROUNDING_CHOICES } from './package_form';

// Creates a package of `kind`, or edits `item`. Problems are shown per
// field once the user tried to save; the host's own refusal goes on top.
// Number inputs carry no min/max: the browser's own check would block the
// submit silently instead of showing these messages.
export function PackageFormDialog({ kind, item, onClose }: { kind: Package['kind']; item: Package | null; onClose: () => void }) {
  const [draft, setDraft] = useState<PackageDraft>(() => draftOf(item, kind));
  const [tried, setTried] = useState(false);
  const { errors, body } = checkDraft(draft, kind);
  const problem = (field: DraftField) => (tried && errors[field] ? t(errors[field]!) : null);
  const set = (field: DraftField) => (value: string | boolean) => setDraft({ ...draft, [field]: value });
  const open = kind === 'open';

  const submission = useSubmit(async () => {
    setTried(true);
    if (!body) return;
    const saved = item
      ? await api<Package>(`/packages/${item.id}`, { method: 'PUT', body })
      : await api<Package>('/packages', { body });
    toast('success', t(item ? 'saved' : 'created', { name: saved.name }));
    onClose();
  });

  const text = (field: DraftField, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} error={problem(field)}>
      {(id, invalid) => <TextInput id={id} name={field} value={draft[field] as string} onValue={set(field)} invalid={invalid} {...extra} />}
    </Field>
  );

  return (
    <FormDialog
      title={item ? t('edit_title', { name: item.name }) : t(open ? 'create_open' : 'create_fixed')}
      onClose={onClose}
      wide
      submission={submission}
      submitLabel={item ? tc('save') : tc('create')}
    >
      <div class="form-grid">
        {text('name', t('name'), { maxLength: 60, autoComplete: 'off' })}
        <Field label={t('console')}>
          {(id) => (
            <Select id={id} value={draft.console_type} onValue={set('console_type')}
              options={CONSOLE_CHOICES.map((type) => ({ value: type, label: consoleLabel(type) }))} />
          )}
        </Field>
        {!open && text('duration_minutes', t('duration_label'), { type: 'number', inputMode: 'numeric' })}
        {text('price', t(open ? 'price_open' : 'price_fixed'), { inputMode: 'numeric' })}
        {open && (
          <Field label={t('rounding_label')} error={problem('rounding_minutes')}>
            {(id) => (
              <Select id={id} value={draft.rounding_minutes} onValue={set('rounding_minutes')}
                options={ROUNDING_CHOICES.map((n) => ({ value: String(n), label: t('rounding_option', { n }) }))} />
            )}
          </Field>
        )}
        {open && text('minimum_charge', t('minimum'), { inputMode: 'numeric' })}
      </div>
      <Switch checked={draft.night} onChange={set('night')} label={t('night_toggle')} />
      {draft.night && (
        <div class="form-grid">
          {text('night_price', t(open ? 'night_price_open' : 'night_price'), { inputMode: 'numeric' })}
          {text('night_from', t('night_from'), { type: 'time' })}
          {text('night_until', t('night_until'), { type: 'time' })}
        </div>
      )}
      {open && (
        <OpenPlayPreview
          price={parseMoney(draft.price)}
          nightPrice={draft.night ? parseMoney(draft.night_price) : null}
          rounding={Number(draft.rounding_minutes)}
          minimum={parseMoney(draft.minimum_charge)}
        />
      )}
    </FormDialog>
  );
}

import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Settings } from '../../api/types';
import { formatMoney } from '../../format/money';
import { errorMessage } from '../../i18n/common';
import { Button } from '../../ui/button';
import { Field, Select, TextInput } from '../../ui/field';
import { FormError } from '../../ui/form_error';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import {
  COMMON_ZONES, type DraftField, draftOf, draftProblems, fieldOfHostMessage, normalisePhone, type SettingsDraft,
  settingsChanges,
} from './settings_form';

interface Props {
  current: Settings;
  canManage: boolean;
  onSaved: (settings: Settings) => void;
}

const OTHER_ZONE = '';

// The shop's settings. Only the fields the user touched are held here; the
// rest always show the current settings, so a change another user makes
// appears at once without losing what this user is typing.
export function ShopSettingsForm({ current, canManage, onSaved }: Props) {
  const [edits, setEdits] = useState<Partial<SettingsDraft>>({});
  const [otherZone, setOtherZone] = useState(false);
  const draft: SettingsDraft = { ...draftOf(current), ...edits };
  const problems = draftProblems(draft);
  const valid = Object.keys(problems).length === 0;
  const changes = valid ? settingsChanges(draft, current) : {};
  const changed = Object.keys(changes).length > 0;

  const submission = useSubmit(async () => {
    if (!valid || !changed) return;
    const saved = await api<Settings>('/settings', { method: 'PUT', body: changes });
    setEdits({});
    setOtherZone(false);
    toast('success', t('saved'));
    onSaved(saved);
  });
  const error = submission.error;

  const hostField = error instanceof ApiError ? fieldOfHostMessage(error.message) : null;
  // A field shows its own problem once touched, or the host's refusal.
  const problemOf = (field: DraftField) =>
    (field in edits ? problems[field] : undefined) ?? (hostField === field ? errorMessage(error) : undefined);
  const set = (field: DraftField) => (value: string) => {
    setEdits({ ...edits, [field]: value });
    submission.clearError();
  };

  const zoneChoice = otherZone || !COMMON_ZONES.includes(draft.time_zone) ? OTHER_ZONE : draft.time_zone;
  const phone = draft.whatsapp_number.trim() ? normalisePhone(draft.whatsapp_number.trim()) : null;
  const disabled = !canManage;

  return (
    <form
      class="card stack settings-form"
      aria-labelledby="settings-shop"
      onSubmit={(event) => {
        event.preventDefault();
        void submission.submit();
      }}
    >
      <h2 id="settings-shop">{t('shop')}</h2>
      {!canManage && <p class="muted">{t('read_only')}</p>}
      <div class="form-grid">
        <Field label={t('shop_name')} error={problemOf('shop_name')}>
          {(id, invalid) => <TextInput id={id} value={draft.shop_name} invalid={invalid} disabled={disabled} onValue={set('shop_name')} />}
        </Field>
        <Field
          label={t('whatsapp_number')}
          error={problemOf('whatsapp_number')}
          hint={phone && 'digits' in phone ? t('whatsapp_stored', { number: `+${phone.digits}` }) : t('whatsapp_hint')}
        >
          {(id, invalid) => (
            <TextInput id={id} type="tel" inputMode="tel" value={draft.whatsapp_number} invalid={invalid} disabled={disabled} placeholder="081234567890" onValue={set('whatsapp_number')} />
          )}
        </Field>
        <Field label={t('time_zone')} error={zoneChoice === OTHER_ZONE ? null : problemOf('time_zone')}>
          {(id) => (
            <Select
              id={id}
              value={zoneChoice}
              disabled={disabled}
              onValue={(value) => {
                setOtherZone(value === OTHER_ZONE);
                if (value !== OTHER_ZONE) set('time_zone')(value);
              }}
              options={[
                { value: 'Asia/Jakarta', label: t('zone_wib') },
                { value: 'Asia/Makassar', label: t('zone_wita') },
                { value: 'Asia/Jayapura', label: t('zone_wit') },
                { value: OTHER_ZONE, label: t('time_zone_other') },
              ]}
            />
          )}
        </Field>
        {zoneChoice === OTHER_ZONE && (
          <Field label={t('time_zone_name')} error={problemOf('time_zone')}>
            {(id, invalid) => (
              <TextInput id={id} value={draft.time_zone} invalid={invalid} disabled={disabled} placeholder="Asia/Pontianak" onValue={set('time_zone')} />
            )}
          </Field>
        )}
        <Field label={t('currency_symbol')} error={problemOf('currency_symbol')}>
          {(id, invalid) => <TextInput id={id} value={draft.currency_symbol} invalid={invalid} disabled={disabled} onValue={set('currency_symbol')} />}
        </Field>
        <Field
          label={t('thousands_separator')}
          error={problemOf('thousands_separator')}
          hint={t('money_example', { example: formatMoney(1250000, { symbol: draft.currency_symbol.trim() || '?', thousands_separator: draft.thousands_separator }) })}
        >
          {(id) => (
            <Select
              id={id}
              value={draft.thousands_separator}
              disabled={disabled}
              onValue={set('thousands_separator')}
              options={[
                { value: '.', label: t('separator_dot') },
                { value: ',', label: t('separator_comma') },
                { value: ' ', label: t('separator_space') },
                { value: '', label: t('separator_none') },
              ]}
            />
          )}
        </Field>
        <Field label={t('business_day_start')} error={problemOf('business_day_start')} hint={t('business_day_hint')}>
          {(id, invalid) => (
            <TextInput id={id} value={draft.business_day_start} invalid={invalid} disabled={disabled} placeholder="06:00" inputMode="numeric" onValue={set('business_day_start')} />
          )}
        </Field>
        <Field label={t('warning_minutes')} error={problemOf('session_warning_minutes')} hint={t('warning_hint')}>
          {(id, invalid) => (
            <TextInput id={id} value={draft.session_warning_minutes} invalid={invalid} disabled={disabled} placeholder="5, 1" onValue={set('session_warning_minutes')} />
          )}
        </Field>
        <Field label={t('max_pause')} error={problemOf('session_max_pause_minutes')} hint={t('max_pause_hint')}>
          {(id, invalid) => (
            <TextInput id={id} value={draft.session_max_pause_minutes} invalid={invalid} disabled={disabled} inputMode="numeric" onValue={set('session_max_pause_minutes')} />
          )}
        </Field>
      </div>
      <FormError error={error} />
      {canManage && (
        <div class="row row--end">
          <Button
            variant="ghost"
            disabled={Object.keys(edits).length === 0 && !otherZone}
            onClick={() => {
              setEdits({});
              setOtherZone(false);
              submission.clearError();
            }}
          >
            {t('reset')}
          </Button>
          <Button type="submit" variant="primary" loading={submission.busy} disabled={!valid || !changed} title={changed ? undefined : t('nothing_changed')}>
            {t('save')}
          </Button>
        </div>
      )}
    </form>
  );
}

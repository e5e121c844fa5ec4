import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { ConsoleType, Package, Station } from '../../api/types';
import { tc } from '../../i18n/common';
import { money } from '../../shop/settings';
import { FormDialog } from '../../ui/form_dialog';
import { Field, Select, Switch, TextInput } from '../../ui/field';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { CONSOLE_TYPES, changedFields, formOf, problemsOf, stationBody, tariffOptions, type StationForm } from './station_form';

interface StationFormDialogProps {
  // Null creates a new station.
  station: Station | null;
  packages: Package[];
  onClose: () => void;
}

export function StationFormDialog({ station, packages, onClose }: StationFormDialogProps) {
  const [form, setForm] = useState<StationForm>(formOf(station));
  const [touched, setTouched] = useState(false);
  const problems = problemsOf(form);
  const set = <K extends keyof StationForm>(key: K) => (value: StationForm[K]) => setForm({ ...form, [key]: value });
  const tariffs = tariffOptions(packages, form.console_type);

  const submission = useSubmit(async () => {
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    const saved = station
      ? await api<Station>(`/stations/${station.id}`, { method: 'PUT', body: changedFields(station, form) })
      : await api<Station>('/stations', { body: stationBody(form) });
    toast('success', t(station ? 'station_saved' : 'station_created', { code: saved.code }));
    onClose();
  });

  return (
    <FormDialog
      title={station ? t('edit_station', { code: station.code }) : t('new_station')}
      onClose={onClose}
      wide
      submission={submission}
      submitLabel={station ? tc('save') : tc('create')}
    >
      <div class="form-grid">
        <Field label={t('code')} hint={t('code_hint')} error={touched && problems.code ? t(problems.code) : null}>
          {(id, invalid) => (
            <TextInput id={id} value={form.code} onValue={(value) => set('code')(value.toUpperCase())} invalid={invalid}
              maxLength={16} autoComplete="off" required />
          )}
        </Field>
        <Field label={t('name')}>
          {(id) => <TextInput id={id} value={form.name} onValue={set('name')} maxLength={60} />}
        </Field>
        <Field label={t('console_type')}>
          {(id) => (
            <Select id={id} value={form.console_type}
              onValue={(value) => setForm({ ...form, console_type: value as ConsoleType, tariff_package_id: '' })}
              options={CONSOLE_TYPES.map((type) => ({ value: type, label: type === 'other' ? t('console_other') : type }))} />
          )}
        </Field>
        <Field label={t('tariff')}>
          {(id) => (
            <Select id={id} value={form.tariff_package_id} onValue={set('tariff_package_id')}
              options={[{ value: '', label: t('no_tariff') },
                ...tariffs.map((pkg) => ({ value: String(pkg.id), label: `${pkg.name} · ${t('per_hour', { price: money(pkg.price) })}` }))]} />
          )}
        </Field>
        <Field label={t('ip_address')} hint={t('ip_hint')} error={touched && problems.ip_address ? t(problems.ip_address) : null}>
          {(id, invalid) => (
            <TextInput id={id} value={form.ip_address} onValue={set('ip_address')} invalid={invalid} placeholder="192.168.1.21"
              inputMode="decimal" autoComplete="off" />
          )}
        </Field>
      </div>
      <div class="row">
        <Switch checked={form.enabled} onChange={set('enabled')} label={t('enabled')} />
        <Switch checked={form.maintenance} onChange={set('maintenance')} label={t('maintenance')} />
      </div>
    </FormDialog>
  );
}

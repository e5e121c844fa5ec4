import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Station, TvDevice } from '../../api/types';
import { FormDialog } from '../../ui/form_dialog';
import { Field, Select, TextInput } from '../../ui/field';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { displayCode, normalizeCode, TV_API, tvErrorMessage } from './tv_api';

interface PairDialogProps {
  // A TV already known (pending, unpaired, paired elsewhere), or none: pair by the code typed.
  device: TvDevice | null;
  initialCode?: string;
  stations: Station[];
  onClose: () => void;
}

// Pairs a TV with a station: an existing one, or a new one the host adds
// (TV03, ...). A pending TV is paired by its code; a known one re-paired.
export function PairDialog({ device, initialCode = '', stations, onClose }: PairDialogProps) {
  const byCode = device === null || device.state === 'pending';
  const [code, setCode] = useState(displayCode(device?.pairing_code ?? initialCode));
  const [stationCode, setStationCode] = useState(device?.station_code ?? '');
  const [name, setName] = useState(device?.name ?? '');
  const digits = normalizeCode(code);
  const codeOk = !byCode || digits.length === 6;

  const submission = useSubmit(async () => {
    if (!codeOk) return;
    const target = { ...(stationCode ? { station_code: stationCode } : {}), ...(name.trim() ? { name: name.trim() } : {}) };
    const paired = byCode
      ? await api<TvDevice>(`${TV_API}/pairings`, { body: { code: digits, ...target } })
      : await api<TvDevice>(`${TV_API}/devices/${device!.id}/pair`, { body: target });
    toast('success', t('paired', { code: paired.station_code ?? '' }));
    onClose();
  });

  const title = byCode ? t('pair_title') : t('repair_title', { name: device!.name || t('unnamed_tv', { id: device!.id }) });
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      submission={submission}
      submitLabel={t('pair')}
      canSubmit={codeOk}
      describeError={tvErrorMessage}
    >
      {byCode && (
        <Field label={t('pairing_code')} hint={t('code_from_tv')}>
          {(id) => (
            <TextInput id={id} class="pair-code-input" value={code} onValue={setCode} inputMode="numeric" autoComplete="off"
              readOnly={device !== null} placeholder="123 456" />
          )}
        </Field>
      )}
      <Field label={t('pair_station')}>
        {(id) => (
          <Select id={id} value={stationCode} onValue={setStationCode}
            options={[{ value: '', label: t('new_station_auto') },
              ...stations.map((station) => ({
                value: station.code,
                label: station.tv_online ? t('station_has_tv', { code: station.code }) : `${station.code}${station.name ? ` · ${station.name}` : ''}`,
              }))]} />
        )}
      </Field>
      <Field label={t('device_name')}>
        {(id) => <TextInput id={id} value={name} onValue={setName} maxLength={60} placeholder="TV ruang depan" />}
      </Field>
    </FormDialog>
  );
}

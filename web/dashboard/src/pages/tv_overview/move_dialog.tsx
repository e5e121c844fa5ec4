import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Package, Session, Station } from '../../api/types';
import { errorMessage, tc } from '../../i18n/common';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Field, Select } from '../../ui/field';
import { toast } from '../../ui/toast';
import { t } from './messages';
import { fitsConsole } from '../../pricing/tariff';
import { canStartOn } from './station_status';

// The stations a session can move to: free ones whose console fits its
// package (the host checks again).
export function moveTargets(stations: Station[], from: Station, pkg: Pick<Package, 'console_type'> | undefined): Station[] {
  const consoleType = pkg?.console_type ?? from.console_type;
  return stations.filter((station) => station.id !== from.id && canStartOn(station)
    && fitsConsole({ console_type: consoleType }, station.console_type));
}

interface MoveDialogProps {
  station: Station;
  session: Session;
  stations: Station[];
  packages: Package[];
  onClose: () => void;
}

export function MoveDialog({ station, session, stations, packages, onClose }: MoveDialogProps) {
  const targets = moveTargets(stations, station, packages.find((pkg) => pkg.id === session.package_id));
  const [targetId, setTargetId] = useState(targets[0] ? String(targets[0].id) : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = targets.find((candidate) => String(candidate.id) === targetId);

  async function submit() {
    if (!target || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/sessions/${session.id}/move`, { body: { station_id: target.id } });
      toast('success', t('moved', { from: station.code, to: target.code }));
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('move_title', { code: station.code })}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button type="submit" variant="primary" loading={busy} disabled={!target}>{t('move')}</Button>
        </>
      }
    >
      {targets.length === 0 ? (
        <p class="muted">{t('no_free_station', { console: station.console_type })}</p>
      ) : (
        <Field label={t('move_to')}>
          {(id) => (
            <Select id={id} value={targetId} onValue={setTargetId}
              options={targets.map((candidate) => ({ value: String(candidate.id), label: `${candidate.code} · ${candidate.name || candidate.console_type}` }))} />
          )}
        </Field>
      )}
      {error && <div class="form-error" role="alert">{error}</div>}
    </Dialog>
  );
}

import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Package, Session, Station } from '../../api/types';
import { FormDialog } from '../../ui/form_dialog';
import { Field, Select } from '../../ui/field';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
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
  const target = targets.find((candidate) => String(candidate.id) === targetId);

  const submission = useSubmit(async () => {
    if (!target) return;
    await api(`/sessions/${session.id}/move`, { body: { station_id: target.id } });
    toast('success', t('moved', { from: station.code, to: target.code }));
    onClose();
  });

  return (
    <FormDialog
      title={t('move_title', { code: station.code })}
      onClose={onClose}
      submission={submission}
      submitLabel={t('move')}
      canSubmit={Boolean(target)}
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
    </FormDialog>
  );
}

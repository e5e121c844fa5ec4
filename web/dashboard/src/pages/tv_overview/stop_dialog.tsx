import { useState } from 'preact/hooks';
import { CheckCircle2 } from 'lucide-preact';
import { api } from '../../api/client';
import type { Package, Session, Station } from '../../api/types';
import { formatDuration } from '../../format/time';
import { money } from '../../shop/settings';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { FormDialog } from '../../ui/form_dialog';
import { Checkbox } from '../../ui/field';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { amountSoFar } from './station_card';

// POST /sessions/{id}/stop answers the ended session with what to collect.
export type StopResult = Session & { amount_due: number; refunded_unit: boolean };

interface StopDialogProps {
  station: Station;
  session: Session;
  packages: Map<number, Package>;
  playedMs: number;
  onClose: () => void;
}

// Asks before stopping, then shows what to collect ("Tagih Rp 12.000") for
// open play, or that a member's unit went back to their balance.
export function StopDialog({ station, session, packages, playedMs, onClose }: StopDialogProps) {
  const [refundUnit, setRefundUnit] = useState(false);
  const [result, setResult] = useState<StopResult | null>(null);

  const submission = useSubmit(async () => {
    const ended = await api<StopResult>(`/sessions/${session.id}/stop`, { body: refundUnit ? { refund_unit: true } : {} });
    setResult(ended);
    toast('success', t('stopped', { code: station.code }));
  });

  if (result) {
    return (
      <Dialog
        title={t('result_title', { code: station.code })}
        onClose={onClose}
        footer={<Button variant="primary" onClick={onClose}>{t('done')}</Button>}
      >
        <div class="stop-result" data-testid="stop-result">
          <CheckCircle2 aria-hidden="true" />
          {result.amount_due > 0
            ? <strong class="stop-result__collect num">{t('collect', { amount: money(result.amount_due) })}</strong>
            : <strong>{t('nothing_to_collect')}</strong>}
          <span class="muted">{t('played_for', { duration: formatDuration(result.played_ms) })}</span>
          {result.refunded_unit && <span>{t('unit_refunded', { member: result.member_name ?? '' })}</span>}
        </div>
      </Dialog>
    );
  }

  const memberName = session.member_name ?? t('walk_in');
  return (
    <FormDialog
      title={t('stop_title', { code: station.code })}
      onClose={onClose}
      submission={submission}
      submitLabel={t('stop_confirm')}
      submitVariant="danger"
    >
      <p>{t('stop_body', { member: memberName, package: session.package_name })}</p>
      {session.kind === 'open' ? (
        <p class="muted">{t('stop_open_estimate', { amount: money(amountSoFar(station, packages, playedMs)) })}</p>
      ) : session.payment === 'cash' ? (
        <p class="muted">{t('stop_fixed_note', { amount: money(session.amount) })}</p>
      ) : (
        <Checkbox checked={refundUnit} onChange={setRefundUnit} label={t('refund_unit')} />
      )}
    </FormDialog>
  );
}

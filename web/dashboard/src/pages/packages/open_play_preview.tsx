import { useState } from 'preact/hooks';
import { money } from '../../shop/settings';
import { Field, TextInput } from '../../ui/field';
import { t } from './messages';
import { openPlayChargeAtRate } from '../../pricing/tariff';

// "45 menit = Rp 7.500 · malam: Rp 9.000" for the tariff being edited.
export function OpenPlayPreview({ price, nightPrice, rounding, minimum }: {
  price: number | null;
  nightPrice: number | null;
  rounding: number;
  minimum: number | null;
}) {
  const [minutesText, setMinutesText] = useState('45');
  const minutes = Math.max(0, Math.min(24 * 60, Math.floor(Number(minutesText)) || 0));
  const tariff = { rounding_minutes: rounding, minimum_charge: minimum ?? 0 };
  return (
    <div class="packages-preview">
      <Field label={t('preview_label')}>
        {(id) => <TextInput id={id} type="number" value={minutesText} onValue={setMinutesText} class="packages-preview__minutes" />}
      </Field>
      <output class="packages-preview__result" data-testid="price-preview" aria-live="polite">
        {price === null ? '—' : t('preview_day', { minutes, price: money(openPlayChargeAtRate(tariff, price, minutes)) })}
        {price !== null && nightPrice !== null && (
          <span class="muted"> · {t('preview_night', { price: money(openPlayChargeAtRate(tariff, nightPrice, minutes)) })}</span>
        )}
      </output>
    </div>
  );
}

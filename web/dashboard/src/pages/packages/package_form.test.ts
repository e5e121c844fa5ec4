import { describe, expect, it } from 'vitest';
import type { Package } from '../../api/types';
import { checkDraft, draftOf } from './package_form';

const nightTariff: Package = {
  id: 4, name: 'Main bebas PS5', console_type: 'PS5', kind: 'open', duration_minutes: null, price: 12000,
  night_price: 15000, night_from: '18:00', night_until: '06:00', rounding_minutes: 15, minimum_charge: 3000,
  active: true, created_at: '', updated_at: '',
};

describe('checkDraft', () => {
  it('builds a fixed package body from what was typed', () => {
    const draft = { ...draftOf(null, 'fixed'), name: ' 1 Jam PS4 ', console_type: 'PS4' as const, price: 'Rp 10.000' };
    expect(checkDraft(draft, 'fixed')).toEqual({
      errors: {},
      body: {
        name: '1 Jam PS4', console_type: 'PS4', kind: 'fixed', price: 10000, duration_minutes: 60,
        night_price: null, night_from: null, night_until: null,
      },
    });
  });

  it('round-trips an open-play tariff with a night price', () => {
    expect(checkDraft(draftOf(nightTariff, 'open'), 'open').body).toEqual({
      name: 'Main bebas PS5', console_type: 'PS5', kind: 'open', price: 12000, rounding_minutes: 15,
      minimum_charge: 3000, night_price: 15000, night_from: '18:00', night_until: '06:00',
    });
  });

  it('names each field the host would refuse', () => {
    const draft = {
      ...draftOf(null, 'fixed'), name: 'x'.repeat(61), price: '-5', duration_minutes: '1441',
      night: true, night_price: '', night_from: '25:00', night_until: '6:00',
    };
    expect(checkDraft(draft, 'fixed')).toEqual({
      body: null,
      errors: {
        name: 'name_too_long', price: 'price_invalid', duration_minutes: 'duration_invalid',
        night_price: 'price_invalid', night_from: 'time_invalid', night_until: 'time_invalid',
      },
    });
  });

  it('refuses an empty name, a night window without length and a bad rounding', () => {
    const draft = { ...draftOf(nightTariff, 'open'), name: '  ', night_until: '18:00', rounding_minutes: '7', price: '100.000.001' };
    expect(checkDraft(draft, 'open').errors).toEqual({
      name: 'name_required', night_until: 'night_same', rounding_minutes: 'rounding_invalid', price: 'price_invalid',
    });
  });
});

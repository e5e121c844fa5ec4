import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import type { Package } from '../../api/types';
import { user as signedIn } from '../../auth/auth';
import { setLang } from '../../i18n/i18n';
import { testUser } from '../../test_support/fixtures';
import { PackagesPage } from './packages_page';

const tariff: Package = {
  id: 2, name: 'Main bebas PS4', console_type: 'PS4', kind: 'open', duration_minutes: null, price: 10000,
  night_price: 12000, night_from: '18:00', night_until: '06:00', rounding_minutes: 15, minimum_charge: 0,
  active: true, created_at: '', updated_at: '',
};
const hour: Package = { ...tariff, id: 1, name: '1 Jam PS4', kind: 'fixed', duration_minutes: 60, night_price: null, night_from: null, night_until: null };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it('shows open-play tariffs with the night window and previews a price by the rounding rule', async () => {
  setLang('id');
  signedIn.value = testUser({ display_name: '' });
  window.location.hash = '#/packages?tab=open';
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ packages: [hour, tariff] })))));
  const { container } = render(<PackagesPage />);
  expect(await screen.findByText('Main bebas PS4')).toBeTruthy();
  expect(screen.queryByText('1 Jam PS4')).toBeNull();
  expect(container.textContent).toContain('Rp 12.000 / jam (18:00–06:00)');

  fireEvent.click(screen.getByRole('button', { name: 'Ubah' }));
  expect(screen.getByTestId('price-preview').textContent).toBe('45 menit = Rp 7.500 · malam: Rp 9.000');
  fireEvent.input(screen.getByLabelText('Coba hitung (menit main)'), { target: { value: '50' } });
  expect(screen.getByTestId('price-preview').textContent).toBe('50 menit = Rp 10.000 · malam: Rp 12.000');
});

import { describe, expect, it } from 'vitest';
import { checkPasswordChange } from './password_check';

describe('checkPasswordChange', () => {
  it('says nothing before the user types', () => {
    expect(checkPasswordChange('', '', '')).toEqual({ next: null, repeat: null, ready: false });
  });

  it('finds a short, an unchanged and a mistyped new password', () => {
    expect(checkPasswordChange('lama-sekali', 'pendek', '').next).not.toBeNull();
    expect(checkPasswordChange('lama-sekali', 'lama-sekali', 'lama-sekali').next).not.toBeNull();
    expect(checkPasswordChange('lama-sekali', 'baru-sekali', 'baru-sekalI').repeat).not.toBeNull();
  });

  it('counts characters as the user sees them', () => {
    expect(checkPasswordChange('lama-sekali', '🔑🔑🔑🔑', '🔑🔑🔑🔑').next).not.toBeNull();
  });

  it('is ready once all three fields agree', () => {
    expect(checkPasswordChange('lama-sekali', 'baru-sekali', 'baru-sekali').ready).toBe(true);
    expect(checkPasswordChange('', 'baru-sekali', 'baru-sekali').ready).toBe(false);
  });
});

import { ApiError } from '../api/client';
import { defineMessages, lang } from './i18n';

// Words every page uses.
export const tc = defineMessages({
  id: {
    save: 'Simpan',
    cancel: 'Batal',
    close: 'Tutup',
    delete: 'Hapus',
    edit: 'Ubah',
    add: 'Tambah',
    create: 'Buat',
    confirm: 'Konfirmasi',
    search: 'Cari',
    loading: 'Memuat…',
    retry: 'Coba lagi',
    yes: 'Ya',
    no: 'Tidak',
    none: '—',
    more: 'Muat lebih banyak',
    all: 'Semua',
    actions: 'Aksi',
    saved: 'Tersimpan',
    empty: 'Belum ada data',
    active: 'Aktif',
    inactive: 'Nonaktif',
    enabled: 'Aktif',
    disabled: 'Nonaktif',
    minutes: '{n} menit',
    units: '{n} unit',
    load_failed: 'Gagal memuat: {message}',
  },
  en: {
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    delete: 'Delete',
    edit: 'Edit',
    add: 'Add',
    create: 'Create',
    confirm: 'Confirm',
    search: 'Search',
    loading: 'Loading…',
    retry: 'Retry',
    yes: 'Yes',
    no: 'No',
    none: '—',
    more: 'Load more',
    all: 'All',
    actions: 'Actions',
    saved: 'Saved',
    empty: 'Nothing here yet',
    active: 'Active',
    inactive: 'Inactive',
    enabled: 'Enabled',
    disabled: 'Disabled',
    minutes: '{n} min',
    units: '{n} units',
    load_failed: 'Could not load: {message}',
  },
});

// The host's error codes in the user's language; any other code shows the
// host's own (English) message, which always says what was wrong.
const errorTexts: Record<string, { id: string; en: string }> = {
  network_error: { id: 'Host tidak dapat dihubungi. Periksa jaringan.', en: 'The host cannot be reached. Check the network.' },
  unauthorized: { id: 'Sesi Anda berakhir. Silakan masuk lagi.', en: 'Your session ended. Please sign in again.' },
  forbidden: { id: 'Anda tidak punya izin untuk ini.', en: 'You do not have permission for this.' },
  invalid_credentials: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  too_many_attempts: { id: 'Terlalu banyak percobaan. Tunggu sebentar.', en: 'Too many attempts. Wait a moment.' },
  weak_password: { id: 'Kata sandi terlalu lemah: minimal 8 karakter, bukan nama pengguna.', en: 'Password too weak: at least 8 characters, not the username.' },
  station_busy: { id: 'Stasiun sedang dipakai.', en: 'The station is busy.' },
  station_disabled: { id: 'Stasiun nonaktif.', en: 'The station is disabled.' },
  station_in_maintenance: { id: 'Stasiun sedang perawatan.', en: 'The station is in maintenance.' },
  station_not_found: { id: 'Stasiun tidak ditemukan.', en: 'Station not found.' },
  station_code_taken: { id: 'Kode stasiun sudah dipakai.', en: 'That station code is taken.' },
  station_ip_taken: { id: 'Alamat IP sudah dipakai stasiun lain.', en: 'That IP address belongs to another station.' },
  station_in_use: { id: 'Stasiun pernah dipakai; nonaktifkan saja.', en: 'The station has history; disable it instead.' },
  package_not_found: { id: 'Paket tidak ditemukan.', en: 'Package not found.' },
  package_inactive: { id: 'Paket sudah nonaktif.', en: 'The package is inactive.' },
  package_console_mismatch: { id: 'Paket tidak cocok dengan jenis konsol.', en: 'The package does not fit the console type.' },
  package_not_held: { id: 'Member tidak punya saldo paket ini.', en: 'The member holds none of this package.' },
  package_open_play: { id: 'Paket main bebas tidak bisa dipakai di sini.', en: 'An open-play package cannot be used here.' },
  member_not_found: { id: 'Member tidak ditemukan.', en: 'Member not found.' },
  phone_taken: { id: 'Nomor HP sudah terdaftar.', en: 'That phone number is already registered.' },
  invalid_phone: { id: 'Nomor HP tidak valid.', en: 'Invalid phone number.' },
  invalid_price: { id: 'Harga tidak boleh negatif.', en: 'A price cannot be negative.' },
  session_ended: { id: 'Sesi sudah berakhir.', en: 'The session has already ended.' },
  session_not_found: { id: 'Sesi tidak ditemukan.', en: 'Session not found.' },
  username_taken: { id: 'Nama pengguna sudah dipakai.', en: 'That username is taken.' },
  last_admin: { id: 'Admin terakhir tidak bisa diubah atau dihapus.', en: 'The last admin cannot be changed or deleted.' },
  cannot_change_self: { id: 'Anda tidak bisa melakukan ini pada akun sendiri.', en: 'You cannot do this to your own account.' },
  pairing_code_not_found: { id: 'Kode pemasangan tidak ditemukan. Periksa kode di layar TV.', en: 'Pairing code not found. Check the code on the TV.' },
  body_too_large: { id: 'Berkas terlalu besar.', en: 'The file is too large.' },
  database_unavailable: { id: 'Basis data tidak tersedia. Coba lagi sebentar lagi.', en: 'The database is unavailable. Try again shortly.' },
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const text = errorTexts[error.code];
    return text ? text[lang.value] : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

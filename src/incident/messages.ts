/** What the incident record says to the officer, in Bahasa Indonesia and English. */
import { translator, type Messages } from '../i18n/lang.js';
import type { Locale } from '../playbook/schema.js';

export type RecordMessage =
  | 'disk-full'
  | 'read-only'
  | 'permission'
  | 'storage-other'
  | 'not-an-incident'
  | 'locked'
  | 'locked-unknown'
  | 'stale-lock'
  | 'torn-line'
  | 'corrupt-lines'
  | 'config-unreadable';

export const RECORD_MESSAGES: Messages<RecordMessage> = {
  id: {
    'disk-full': 'disk penuh: tidak dapat menyimpan {path}; kosongkan ruang lalu jalankan lagi (yang tersimpan terakhir tetap utuh)',
    'read-only': 'penyimpanan hanya-baca: tidak dapat menulis {path} (yang tersimpan terakhir tetap utuh)',
    permission: 'tidak ada izin menulis {path} (yang tersimpan terakhir tetap utuh)',
    'storage-other': 'tidak dapat menyimpan {path} ({code}); yang tersimpan terakhir tetap utuh',
    'not-an-incident': '{path} bukan folder insiden tanggap (tidak ada journal.jsonl)',
    locked: 'insiden ini sedang dibuka oleh tanggap lain (pid {pid} di {host}, sejak {since}); tutup dulu yang itu (jika proses itu sudah tidak ada, hapus {path})',
    'locked-unknown': 'insiden ini sedang dibuka oleh tanggap lain (berkas kunci {path}); tutup dulu yang itu',
    'stale-lock': 'catatan: kunci lama dari proses {pid} yang sudah berhenti dipulihkan',
    'torn-line': 'catatan: baris terakhir jurnal terpotong (proses terhenti saat menulis) dan diabaikan',
    'corrupt-lines': 'peringatan: {count} baris jurnal rusak diabaikan (baris {lines})',
    'config-unreadable': 'peringatan: konfigurasi {path} tidak terbaca dan diabaikan ({reason})',
  },
  en: {
    'disk-full': 'disk full: cannot save {path}; free some space and run again (the last saved state is intact)',
    'read-only': 'read-only storage: cannot write {path} (the last saved state is intact)',
    permission: 'permission denied: cannot write {path} (the last saved state is intact)',
    'storage-other': 'cannot save {path} ({code}); the last saved state is intact',
    'not-an-incident': '{path} is not a tanggap incident folder (no journal.jsonl)',
    locked: 'this incident is open in another tanggap (pid {pid} on {host}, since {since}); close that one first (if that process is gone, delete {path})',
    'locked-unknown': 'this incident is open in another tanggap (lock file {path}); close that one first',
    'stale-lock': 'note: recovered a stale lock left by process {pid}, which has stopped',
    'torn-line': 'note: the last journal line was cut short (the process stopped while writing) and is ignored',
    'corrupt-lines': 'warning: ignored {count} damaged journal lines (lines {lines})',
    'config-unreadable': 'warning: ignored the configuration {path}, which cannot be read ({reason})',
  },
};

export const recordText = (lang: Locale) => translator(RECORD_MESSAGES, lang);

/** A problem with the incident record: one line for the officer, exit code 2. */
export class RecordError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly key: RecordMessage,
    readonly params: Record<string, string | number> = {},
  ) {
    super(recordText('en')(key, params));
  }

  describe(lang: Locale): string {
    return recordText(lang)(this.key, this.params);
  }
}

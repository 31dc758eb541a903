/** What `tanggap check` says besides findings, in the interface language. */
import { translator, type Messages } from '../i18n/lang.js';
import type { Locale } from '../playbook/schema.js';
import type { StatementKind } from './types.js';

type Key =
  | 'detectedBoth'
  | 'detectedKind'
  | 'detectedLang'
  | 'clean'
  | 'reportWritten'
  | 'stdinIsTerminal'
  | 'notFound'
  | 'isDirectory'
  | 'tooLarge'
  | 'invalidUtf8'
  | 'unreadable'
  | 'dataError'
  | `kind.${StatementKind}`
  | `lang.${Locale}`;

export const CHECK_MESSAGES: Messages<Key> = {
  id: {
    detectedBoth: 'deteksi: jenis {kind}, {lang}',
    detectedKind: 'deteksi: jenis {kind}',
    detectedLang: 'deteksi: {lang}',
    clean: '✔ {count} pernyataan diperiksa, tidak ada temuan',
    reportWritten: 'laporan {format} ditulis ke {file}',
    stdinIsTerminal: '"-" membaca pernyataan dari stdin, tetapi stdin adalah terminal; alirkan berkasnya, misalnya: cat rilis.md | tanggap check -',
    notFound: '{file}: berkas tidak ditemukan',
    isDirectory: '{file}: ini folder, bukan berkas',
    tooLarge: '{file}: berkas terlalu besar untuk sebuah pernyataan',
    invalidUtf8: '{file}:{line}:{column}: berkas bukan UTF-8; simpan ulang sebagai UTF-8',
    unreadable: '{file}: berkas tidak dapat dibaca ({reason})',
    dataError: 'data aturan pemeriksaan rusak: {detail}',
    'kind.holding': 'pernyataan awal',
    'kind.press-release': 'siaran pers',
    'kind.update': 'pembaruan informasi',
    'kind.apology': 'permintaan maaf',
    'kind.hoax-clarification': 'klarifikasi hoaks',
    'kind.social': 'unggahan media sosial',
    'kind.whatsapp': 'pesan WhatsApp',
    'kind.sms': 'SMS',
    'kind.general': 'umum (tidak dikenali; pakai --kind untuk pemeriksaan bagian wajib)',
    'lang.id': 'bahasa Indonesia',
    'lang.en': 'bahasa Inggris',
  },
  en: {
    detectedBoth: 'detected: {kind}, {lang}',
    detectedKind: 'detected: {kind}',
    detectedLang: 'detected: {lang}',
    clean: '✔ {count} statement(s) checked, no findings',
    reportWritten: '{format} report written to {file}',
    stdinIsTerminal: '"-" reads the statement from stdin, but stdin is a terminal; pipe the file in, e.g. cat release.md | tanggap check -',
    notFound: '{file}: file not found',
    isDirectory: '{file}: is a folder, not a file',
    tooLarge: '{file}: the file is too large for a statement',
    invalidUtf8: '{file}:{line}:{column}: the file is not UTF-8; save it as UTF-8',
    unreadable: '{file}: cannot read the file ({reason})',
    dataError: 'the checker\'s rule data is damaged: {detail}',
    'kind.holding': 'holding statement',
    'kind.press-release': 'press release',
    'kind.update': 'update',
    'kind.apology': 'apology',
    'kind.hoax-clarification': 'hoax clarification',
    'kind.social': 'social media post',
    'kind.whatsapp': 'WhatsApp message',
    'kind.sms': 'SMS',
    'kind.general': 'general (not recognised; use --kind to check required parts)',
    'lang.id': 'Indonesian',
    'lang.en': 'English',
  },
};

export const checkText = (lang: Locale) => translator(CHECK_MESSAGES, lang);

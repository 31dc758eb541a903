/** Messages of the rendering engine, in Bahasa Indonesia and English. */
import { translator, type Messages } from '../i18n/lang.js';
import type { Locale } from '../playbook/schema.js';

const messages: Messages<
  | 'syntax'
  | 'missingFact'
  | 'missingFactIn'
  | 'overLimit'
  | 'overLimitSms'
  | 'ucs2'
  | 'unknownHelper'
  | 'forbiddenName'
  | 'reservedName'
  | 'dataName'
  | 'decorator'
  | 'dynamicPartial'
  | 'unknownPartial'
  | 'unknownTemplate'
  | 'noFileForLang'
  | 'absolutePath'
  | 'outsideRoot'
  | 'symlinkOut'
  | 'fileNotFound'
  | 'notAFile'
  | 'groupValue'
  | 'runtime'
  | 'invalidPlaybook'
> = {
  id: {
    syntax: 'kesalahan sintaks templat: {detail}',
    missingFact: 'fakta "{fact}" belum diisi',
    missingFactIn: 'fakta "{fact}" belum diisi (dipakai di {template})',
    overLimit: '{template}: panjang {count} melebihi batas {limit} untuk kanal {channel}',
    overLimitSms: '{template}: SMS {count} karakter ({encoding}, {segments} segmen) melebihi batas {limit}',
    ucs2: '{template}: karakter di luar GSM-7 ({chars}) membuat SMS memakai UCS-2: hanya 70 karakter per segmen',
    unknownHelper: 'helper "{name}" tidak dikenal; yang tersedia: {known}',
    forbiddenName: 'nama "{name}" tidak boleh dipakai di templat',
    reservedName: 'nama "{name}" dicadangkan untuk mesin templat',
    dataName: 'variabel "@{name}" tidak tersedia; yang ada: @root, @index, @key, @first, @last',
    decorator: 'dekorator dan partial inline ({{*…}}) tidak didukung; buat berkas partial',
    dynamicPartial: 'nama partial harus ditulis langsung, bukan dihitung',
    unknownPartial: 'partial "{name}" tidak ditemukan; yang tersedia: {known}',
    unknownTemplate: 'playbook "{playbook}" tidak punya templat "{template}"; yang ada: {known}',
    noFileForLang: 'templat "{template}" tidak punya berkas untuk bahasa "{lang}"',
    absolutePath: 'jalur "{path}" harus relatif terhadap playbook',
    outsideRoot: 'jalur "{path}" keluar dari folder proyek {root}',
    symlinkOut: 'jalur "{path}" adalah tautan simbolik ke luar folder proyek',
    fileNotFound: 'berkas "{path}" tidak ditemukan',
    notAFile: '"{path}" bukan berkas',
    groupValue: '"{name}" adalah kelompok nilai, bukan teks; tulis salah satu isinya, mis. {{{name}.name}}',
    runtime: 'templat gagal dirender: {detail}',
    invalidPlaybook: 'playbook tidak valid: {detail}',
  },
  en: {
    syntax: 'template syntax error: {detail}',
    missingFact: 'fact "{fact}" is not filled in',
    missingFactIn: 'fact "{fact}" is not filled in (used in {template})',
    overLimit: '{template}: length {count} exceeds the {channel} limit of {limit}',
    overLimitSms: '{template}: SMS of {count} characters ({encoding}, {segments} segments) exceeds the limit of {limit}',
    ucs2: '{template}: characters outside GSM-7 ({chars}) make the SMS UCS-2: only 70 characters per segment',
    unknownHelper: 'unknown helper "{name}"; available: {known}',
    forbiddenName: 'the name "{name}" is not allowed in a template',
    reservedName: 'the name "{name}" is reserved for the template engine',
    dataName: '"@{name}" is not available; use @root, @index, @key, @first or @last',
    decorator: 'decorators and inline partials ({{*…}}) are not supported; use a partial file',
    dynamicPartial: 'a partial name must be written out, not computed',
    unknownPartial: 'partial "{name}" not found; available: {known}',
    unknownTemplate: 'playbook "{playbook}" has no template "{template}"; available: {known}',
    noFileForLang: 'template "{template}" has no file for language "{lang}"',
    absolutePath: 'the path "{path}" must be relative to the playbook',
    outsideRoot: 'the path "{path}" leaves the project folder {root}',
    symlinkOut: 'the path "{path}" is a symbolic link out of the project folder',
    fileNotFound: 'file "{path}" not found',
    notAFile: '"{path}" is not a file',
    groupValue: '"{name}" is a group of values, not text; write one of its fields, e.g. {{{name}.name}}',
    runtime: 'the template failed to render: {detail}',
    invalidPlaybook: 'the playbook is not valid: {detail}',
  },
};

export type RenderMessage = keyof (typeof messages)['en'];
export const renderMessages = (lang: Locale) => translator(messages, lang);

/** The drill banner that opens and closes every statement of an exercise. */
export const DRILL_BANNER: Record<Locale, string> = {
  id: '**LATIHAN / EXERCISE** — dokumen simulasi, bukan untuk dipublikasikan',
  en: '**LATIHAN / EXERCISE** — drill document, not for publication',
};

/** The missing-fact marker, exactly as docs/playbook-format.md gives it. */
export const missingMarker = (fact: string, lang: Locale): string =>
  lang === 'id' ? `[[BELUM ADA: ${fact}]]` : `[[MISSING: ${fact}]]`;

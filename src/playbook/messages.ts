/**
 * What the loader says (parse-error and schema findings), in Bahasa Indonesia and English. A
 * problem is a message id (stable, for tests and fingerprints), the text that describes it and
 * its parameters; the text is chosen in the caller's language only when the finding is made.
 */
import { fingerprintOf, paramsIn, type Finding, type LocalizedParam, type MessageParams, type Position } from '../findings.js';
import { translator, type Messages } from '../i18n/lang.js';
import type { Locale } from './schema.js';

export const LOADER_MESSAGES = {
  id: {
    // reading the file
    'is-directory': 'ini folder, bukan berkas',
    'not-a-file': 'bukan berkas biasa',
    'too-large': 'berkas terlalu besar ({size} MB; batasnya {limit} MB)',
    'invalid-utf8': 'berkas bukan UTF-8 yang sah; simpan ulang sebagai UTF-8',
    'fs-not-found': 'berkas tidak ditemukan',
    'fs-permission': 'akses ditolak: berkas tidak dapat dibaca',
    'fs-loop': 'tautan simbolik berputar (symbolic link loop)',
    'fs-name-too-long': 'nama berkas terlalu panjang',
    'fs-other': 'berkas tidak dapat dibaca ({code})',
    // parsing YAML
    empty: 'berkas kosong',
    unparsable: 'YAML tidak dapat diurai: {detail}',
    'multiple-documents': 'berkas berisi lebih dari satu dokumen YAML; playbook hanya satu dokumen (hapus "---" yang berlebih)',
    'too-many-values': 'dokumen terlalu besar (terlalu banyak nilai)',
    'too-deep': 'susunan bertingkat terlalu dalam (lebih dari {max} tingkat)',
    'too-deep-short': 'susunan bertingkat terlalu dalam',
    'alias-bomb': 'terlalu banyak perluasan alias (kemungkinan alias bomb)',
    'unknown-alias': 'alias *{name} tidak dikenal',
    'complex-key': 'kunci mapping harus berupa teks biasa',
    'forbidden-key': 'kunci "{key}" tidak diizinkan',
    'merge-key': 'kunci penggabungan YAML ("<<") tidak didukung; gunakan `extends` atau tulis ulang nilainya',
    // the yaml library's errors, by code
    'yaml-duplicate-key': 'kunci "{key}" ditulis dua kali dalam mapping yang sama',
    'yaml-tab-as-indent': 'tab tidak boleh dipakai untuk indentasi; gunakan spasi',
    'yaml-bad-indent': 'indentasi salah: butir-butir dalam satu mapping atau daftar harus mulai pada kolom yang sama',
    'yaml-indent': 'indentasi salah di sini',
    'yaml-block-scalar-indent': 'baris-baris teks blok (sesudah "|" atau ">") harus lebih menjorok daripada kuncinya',
    'yaml-flow-not-closed': 'nilai dalam kurung belum ditutup dengan "{close}" (atau indentasinya kurang)',
    'yaml-missing-quote': 'tanda kutip {quote} penutup tidak ada',
    'yaml-missing-value': 'kunci harus diikuti ":" dan spasi, lalu nilainya',
    'yaml-missing-comma': 'tanda "," di antara butir dalam kurung tidak ada',
    'yaml-missing-space': 'sesudah ":" harus ada spasi',
    'yaml-comment-space': 'komentar harus dipisahkan dengan spasi sebelum "#"',
    'yaml-missing-dash': 'butir daftar harus diawali "- "',
    'yaml-unexpected': '"{token}" tidak diharapkan di sini',
    'yaml-block-as-implicit-key': 'mapping bersarang tidak boleh berada di baris yang sama dengan kuncinya; tulis kunci bersarang di baris sendiri dengan indentasi',
    'yaml-multiline-implicit-key': 'kunci harus ditulis dalam satu baris (mungkin ":" atau indentasi kurang)',
    'yaml-bad-scalar-start': 'nilai tanpa tanda kutip tidak boleh diawali "{char}"; apit nilainya dengan tanda kutip',
    'yaml-bad-dq-escape': 'urutan escape {sequence} tidak sah di dalam tanda kutip ganda; gunakan tanda kutip tunggal atau tulis "\\\\"',
    'yaml-block-in-flow': 'blok berindentasi tidak boleh berada di dalam kurung ([…] atau {…}); mungkin ada "," yang terlewat',
    'yaml-bad-alias': 'nama anchor (&) atau alias (*) tidak sah',
    'yaml-multiple-anchors': 'satu nilai hanya boleh memiliki satu anchor (&)',
    'yaml-multiple-tags': 'satu nilai hanya boleh memiliki satu tag (!)',
    'yaml-key-too-long': 'kunci lebih panjang dari 1024 karakter',
    'yaml-other': 'YAML tidak sah: {detail}',
    // the playbook format
    'not-a-mapping': 'playbook harus berupa mapping (pasangan kunci dan nilai)',
    'unknown-key': 'kunci "{key}" tidak dikenal',
    'unknown-key-hint': 'kunci "{key}" tidak dikenal; mungkin maksud Anda "{hint}"?',
    'unknown-key-list': 'kunci "{key}" tidak dikenal; yang tersedia: {known}',
    'missing-key': 'kunci wajib "{key}" belum ada',
    'not-allowed-hint': '"{value}" tidak diizinkan di sini; mungkin maksud Anda "{hint}"?',
    'not-allowed-list': '"{value}" tidak diizinkan di sini; gunakan salah satu dari: {values}',
    'invalid-value': 'nilai "{key}" tidak sah',
    'wrong-type': '"{key}" harus berupa {type}',
    'bad-format': 'format "{value}" salah; seharusnya {format}',
    'bad-format-bare': 'format "{value}" salah',
    literal: '"{key}" harus {value}',
    minimum: '"{key}" paling kecil {limit}',
    maximum: '"{key}" paling besar {limit}',
    'not-empty': '"{key}" tidak boleh kosong',
    'min-length': '"{key}" paling sedikit {limit} karakter',
    'max-length': '"{key}" paling banyak {limit} karakter',
    'min-items': '"{key}" paling sedikit berisi {limit} butir',
    'max-items': '"{key}" paling banyak berisi {limit} butir',
    'min-properties': '"{key}" paling sedikit berisi {limit} kunci',
    'value-other': 'nilai "{key}" tidak sah: {detail}',
    'extends-cycle': '"extends" membentuk lingkaran melalui {file}',
    'extends-not-found': '"extends: {name}" tidak merujuk ke playbook mana pun (bukan id bawaan dan bukan berkas)',
    // words used inside the messages above
    'type-object': 'mapping',
    'type-array': 'daftar',
    'type-string': 'teks',
    'type-integer': 'bilangan bulat',
    'type-number': 'angka',
    'type-boolean': 'true atau false',
    'type-other': 'jenis nilai lain',
    'format-id': 'id kebab-case, misalnya "holding-statement"',
    'format-question-id': 'id snake_case (nama variabel di templat), misalnya "jumlah_korban"',
    'format-duration': 'waktu sejak awal insiden, misalnya "15m", "1h", "1h30m", "3d", "2w"',
    'format-partial': 'nama dari huruf kecil, angka dan "-", misalnya "kop-surat"',
  },
  en: {
    'is-directory': 'is a directory, not a file',
    'not-a-file': 'is not a regular file',
    'too-large': 'file is too large ({size} MB; the limit is {limit} MB)',
    'invalid-utf8': 'file is not valid UTF-8; save it as UTF-8',
    'fs-not-found': 'file not found',
    'fs-permission': 'permission denied: cannot read the file',
    'fs-loop': 'symbolic link loop',
    'fs-name-too-long': 'file name too long',
    'fs-other': 'cannot read the file ({code})',
    empty: 'the file is empty',
    unparsable: 'cannot parse YAML: {detail}',
    'multiple-documents': 'the file holds several YAML documents; a playbook is one document (remove the extra "---")',
    'too-many-values': 'the document is too large (too many values)',
    'too-deep': 'nesting is too deep (more than {max} levels)',
    'too-deep-short': 'nesting is too deep',
    'alias-bomb': 'too many alias expansions (possible alias bomb)',
    'unknown-alias': 'unknown alias *{name}',
    'complex-key': 'mapping keys must be plain text',
    'forbidden-key': 'the key "{key}" is not allowed',
    'merge-key': 'YAML merge keys ("<<") are not supported; use `extends` or repeat the values',
    'yaml-duplicate-key': 'the key "{key}" is written twice in the same mapping',
    'yaml-tab-as-indent': 'tabs are not allowed as indentation; use spaces',
    'yaml-bad-indent': 'bad indentation: the items of one mapping or list must start at the same column',
    'yaml-indent': 'bad indentation here',
    'yaml-block-scalar-indent': 'the lines of a block of text (after "|" or ">") must be indented more than its key',
    'yaml-flow-not-closed': 'a bracketed value is not closed with "{close}" (or is not indented enough)',
    'yaml-missing-quote': 'missing closing {quote} quote',
    'yaml-missing-value': 'a key must be followed by ":" and a space, then its value',
    'yaml-missing-comma': 'missing "," between the items in brackets',
    'yaml-missing-space': 'a space is needed after ":"',
    'yaml-comment-space': 'a comment must be separated by a space before "#"',
    'yaml-missing-dash': 'a list item needs "- " in front of it',
    'yaml-unexpected': 'unexpected "{token}" here',
    'yaml-block-as-implicit-key': 'a nested mapping cannot be on the same line as its key; write the nested keys on their own, indented lines',
    'yaml-multiline-implicit-key': 'a key must be written on one line (is a ":" or an indentation missing?)',
    'yaml-bad-scalar-start': 'a value without quotes cannot start with "{char}"; put the value in quotes',
    'yaml-bad-dq-escape': 'invalid escape sequence {sequence} in double quotes; use single quotes or write "\\\\"',
    'yaml-block-in-flow': 'an indented block cannot sit inside brackets ([…] or {…}); is a "," missing?',
    'yaml-bad-alias': 'invalid anchor (&) or alias (*) name',
    'yaml-multiple-anchors': 'a value can have only one anchor (&)',
    'yaml-multiple-tags': 'a value can have only one tag (!)',
    'yaml-key-too-long': 'a key is longer than 1024 characters',
    'yaml-other': 'invalid YAML: {detail}',
    'not-a-mapping': 'a playbook must be a mapping of keys to values',
    'unknown-key': 'unknown key "{key}"',
    'unknown-key-hint': 'unknown key "{key}"; did you mean "{hint}"?',
    'unknown-key-list': 'unknown key "{key}"; expected one of: {known}',
    'missing-key': 'missing required key "{key}"',
    'not-allowed-hint': '"{value}" is not allowed here; did you mean "{hint}"?',
    'not-allowed-list': '"{value}" is not allowed here; use one of: {values}',
    'invalid-value': 'invalid value for "{key}"',
    'wrong-type': '"{key}" must be {type}',
    'bad-format': '"{value}" has the wrong format; expected {format}',
    'bad-format-bare': '"{value}" has the wrong format',
    literal: '"{key}" must be {value}',
    minimum: '"{key}" must be at least {limit}',
    maximum: '"{key}" must be at most {limit}',
    'not-empty': '"{key}" must not be empty',
    'min-length': '"{key}" must have at least {limit} characters',
    'max-length': '"{key}" must have at most {limit} characters',
    'min-items': '"{key}" must list at least {limit} item(s)',
    'max-items': '"{key}" must list at most {limit} item(s)',
    'min-properties': '"{key}" must have at least {limit} key(s)',
    'value-other': 'invalid value for "{key}": {detail}',
    'extends-cycle': '"extends" forms a cycle through {file}',
    'extends-not-found': '"extends: {name}" names no known playbook (neither a built-in id nor a file)',
    'type-object': 'a mapping',
    'type-array': 'a list',
    'type-string': 'text',
    'type-integer': 'a whole number',
    'type-number': 'a number',
    'type-boolean': 'true or false',
    'type-other': 'a different kind of value',
    'format-id': 'a kebab-case id, e.g. "holding-statement"',
    'format-question-id': 'a snake_case id (the variable name in templates), e.g. "jumlah_korban"',
    'format-duration': 'a time after the incident start, e.g. "15m", "1h", "1h30m", "3d", "2w"',
    'format-partial': 'a name of lowercase letters, digits and "-", e.g. "letterhead"',
  },
} satisfies Messages<string>;

export type LoaderText = keyof (typeof LOADER_MESSAGES)['en'];

/** A loader problem before it is put into words. */
export interface LoaderProblem {
  /** stable id of the finding (e.g. `duplicate-key`, `unknown-key`) */
  messageId: string;
  /** which wording describes it */
  text: LoaderText;
  params?: MessageParams;
}

export function loaderText(problem: LoaderProblem, lang: Locale): string {
  return translator(LOADER_MESSAGES as Messages<LoaderText>, lang)(problem.text, paramsIn(problem.params, lang));
}

/** A word of the loader's vocabulary (a type name, a format) as a parameter of another message. */
export function loaderTerm(text: LoaderText, params?: MessageParams): LocalizedParam {
  return problemTerm({ messageId: text, text, params });
}

/** A whole problem (e.g. why a template file cannot be read) as a parameter of a lint message. */
export const problemTerm = (problem: LoaderProblem): LocalizedParam => ({
  key: loaderFingerprint(problem),
  text: { id: loaderText(problem, 'id'), en: loaderText(problem, 'en') },
});

/** One message id can have several wordings (e.g. `limit`); the fingerprint tells them apart, not the language. */
const loaderFingerprint = (problem: LoaderProblem): string => fingerprintOf(`${problem.messageId}:${problem.text}`, problem.params);

/** A number with one decimal, written the way each language writes it. */
export const decimal = (n: number): LocalizedParam => ({ key: n.toFixed(1), text: { id: n.toFixed(1).replace('.', ','), en: n.toFixed(1) } });

export function loaderFinding(ruleId: 'parse-error' | 'schema', problem: LoaderProblem, lang: Locale, file: string, position: Position): Finding {
  return {
    ruleId,
    messageId: problem.messageId,
    severity: 'error',
    message: loaderText(problem, lang),
    file,
    ...position,
    fingerprint: loaderFingerprint(problem),
  };
}

// A corpus of realistic playbooks (~200 lines each, a few percent invalid) for the lint throughput benchmark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAGES = ['recognize', 'respond', 'apologize', 'repair'];

function playbook(i, broken) {
  const q = (id, type, extra = '') => `  - id: ${id}\n    type: ${type}\n    prompt:\n      id: Pertanyaan ${id} untuk insiden nomor ${i}?\n      en: Question ${id} for incident number ${i}?\n${extra}`;
  const steps = (stage, n) =>
    Array.from({ length: n }, (_, k) => {
      const minutes = { recognize: 5 + k * 5, respond: 30 + k * 60, apologize: 1440 + k * 60, repair: 4320 + k * 1440 }[stage];
      return `      - id: ${stage}-langkah-${k}
        title:
          id: Langkah ${k} tahap ${stage} untuk kantor ${i}
          en: Step ${k} of ${stage} for office ${i}
        owner: ${k % 2 ? 'juru-bicara' : 'kepala-dinas-kominfo'}
        deadline: ${minutes}m
        checklist:
          - { id: Periksa data dari sumber resmi, en: Check the data with the official source }
          - { id: Koordinasikan dengan instansi mitra, en: Coordinate with partner agencies }
        asks: [${k === 0 ? 'lokasi' : 'jumlah_pengungsi'}]${stage === 'respond' && k === 0 ? '\n        public: true\n        drafts: [pernyataan-awal]' : ''}`;
    }).join('\n');
  return `# yaml-language-server: $schema=../schema/playbook.schema.json
version: 1
id: korpus-${i}
aliases: [korpus-alias-${i}]
title: { id: Playbook Korpus ${i}, en: Corpus Playbook ${i} }
summary:
  id: Playbook penanganan krisis nomor ${i} untuk pengukuran kinerja.
  en: Crisis playbook number ${i} for performance measurement.
category: ${broken === 'enum' ? 'disastr' : 'disaster'}
trigger: external
scct: { cluster: victim, history: false, priorReputation: neutral }
triage:
  urgency:
${q('penyebaran', 'select', `    options:
      - { value: terbatas, label: { id: Terbatas, en: Limited }, score: 1 }
      - { value: luas, label: { id: Luas, en: Wide }, score: 2 }
      - { value: viral, label: { id: Viral, en: Viral }, score: 3 }
`)}  impact:
${q('ada_korban', 'confirm')}  matrix:
    low: [1, 1, 2]
    medium: [1, 2, 3]
    high: [2, 3, 4]
  levels:
    - { level: 1, name: { id: Rendah, en: Low }, escalation: [{ role: kepala-dinas-kominfo, within: 2h }] }
    - { level: 2, name: { id: Sedang, en: Medium }, escalation: [{ role: kepala-dinas-kominfo, within: 1h }] }
    - { level: 3, name: { id: Tinggi, en: High }, escalation: [{ role: kepala-daerah, within: 30m }] }
    - { level: 4, name: { id: Kritis, en: Critical }, escalation: [{ role: kepala-daerah, within: 15m }] }
roles:
  - { id: kepala-daerah, title: { id: Kepala Daerah, en: Regional Head } }
  - { id: kepala-dinas-kominfo, title: { id: Kepala Dinas Kominfo, en: Head of Communication Office } }
  - { id: juru-bicara, title: { id: Juru Bicara, en: Spokesperson } }
keyMessages:
  - { id: Keselamatan warga adalah prioritas utama., en: The safety of residents comes first. }
  - { id: Informasi resmi hanya dari kanal pemerintah., en: Official information comes only from government channels. }
avoid:
  id: [pasti aman]
  en: [definitely safe]
questions:
${q('lokasi', 'text', '    required: true\n    fact: true\n')}${q('jumlah_pengungsi', 'number', '    fact: true\n    validate: { min: 0 }\n')}stages:
${STAGES.map((s) => `  - id: ${s}\n    steps:\n${steps(s, s === 'respond' ? 6 : 3)}`).join('\n')}
templates:
  - id: pernyataan-awal
    kind: holding-statement
    channel: website
    title: { id: Pernyataan Awal, en: Holding Statement }
    files:
      id: templates/pernyataan-awal.id.md.hbs
      en: templates/pernyataan-awal.en.md.hbs
${broken === 'key' ? 'unknownKey: true\n' : ''}${broken === 'yaml' ? 'title: [unclosed\n' : ''}`;
}

export function writeCorpus(dir, count = 1000) {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  writeFileSync(join(dir, 'templates', 'pernyataan-awal.id.md.hbs'), '# Pernyataan Awal: {{incident.title}}\n\nKami turut prihatin atas kejadian di {{lokasi}}. Data sementara per pukul {{time asOf}}: {{number jumlah_pengungsi}} warga mengungsi.\n');
  writeFileSync(join(dir, 'templates', 'pernyataan-awal.en.md.hbs'), '# Holding Statement: {{incident.title}}\n\nWe are concerned about the incident in {{lokasi}}. Provisional figures as of {{time asOf}}: {{number jumlah_pengungsi}} people displaced.\n');
  const kinds = ['enum', 'key', 'yaml'];
  const files = [];
  for (let i = 0; i < count; i++) {
    const broken = i % 33 === 7 ? kinds[i % 3] : undefined; // about 3% invalid
    const file = join(dir, `korpus-${i}.playbook.yaml`);
    writeFileSync(file, playbook(i, broken));
    files.push(file);
  }
  return files;
}

/**
 * The answers file (`examples/<playbook>.answers.yaml`): the incident's meta, the office, and
 * question id -> answer. `tanggap draft`, `tanggap kit` and `tanggap respond --answers` read it;
 * the incident record stores the same shape.
 */
import { Type, type Static } from '@sinclair/typebox';

const Localized = Type.Union([
  Type.String(),
  Type.Object({ id: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }, { additionalProperties: false }),
]);

export const TIMEZONES = ['WIB', 'WITA', 'WIT'] as const;
export type Timezone = (typeof TIMEZONES)[number];
export const UTC_OFFSET_HOURS: Record<Timezone, number> = { WIB: 7, WITA: 8, WIT: 9 };

const Person = Type.Object(
  {
    name: Type.String(),
    title: Type.Optional(Localized),
    role: Type.Optional(Localized),
    phone: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const IncidentMeta = Type.Object(
  {
    title: Type.String({ minLength: 1 }),
    start: Type.String({ description: 'ISO 8601 with offset (2026-03-14T04:40:00+07:00), or "2026-03-14 04:40" in the office time zone' }),
    timezone: Type.Union(TIMEZONES.map((z) => Type.Literal(z))),
    drill: Type.Optional(Type.Boolean()),
    place: Type.Optional(Type.String()),
    asOf: Type.Optional(Type.String({ description: 'the time figures are valid for (data sementara per pukul …)' })),
    lang: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type IncidentMeta = Static<typeof IncidentMeta>;

export const Office = Type.Object(
  {
    agency: Localized,
    unit: Type.Optional(Localized),
    code: Type.String({ pattern: '^[A-Z0-9.-]+$', description: 'short code used in release numbers, e.g. DISKOMINFO' }),
    city: Type.String(),
    website: Type.Optional(Type.String()),
    hotline: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    address: Type.Optional(Type.String()),
    about: Type.Optional(Localized),
    spokesperson: Type.Optional(Person),
    head: Type.Optional(Person),
    contact: Type.Optional(Person),
    social: Type.Optional(
      Type.Object(
        { x: Type.Optional(Type.String()), instagram: Type.Optional(Type.String()), facebook: Type.Optional(Type.String()), tiktok: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Office = Static<typeof Office>;

/**
 * Free text given in each statement language (`lokasi: { id: "…", en: "…" }`): a draft takes its
 * own language and falls back to the other, so English drafts need not quote Indonesian.
 */
export const LocalizedAnswer = Type.Object(
  { id: Type.Optional(Type.String()), en: Type.Optional(Type.String()) },
  { additionalProperties: false, minProperties: 1 },
);
export type LocalizedAnswer = Static<typeof LocalizedAnswer>;

const AnswerValue = Type.Union([
  Type.String(),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
  LocalizedAnswer,
  Type.Array(Type.Union([Type.String(), Type.Number(), LocalizedAnswer])),
]);

export const REPUTATIONS = ['good', 'neutral', 'poor'] as const;

/** The incident's own SCCT modifiers; what it leaves out comes from the playbook's `scct`. */
export const IncidentScct = Type.Object(
  {
    history: Type.Optional(Type.Boolean({ description: 'the office has faced a similar crisis before (moves the case one cluster up)' })),
    priorReputation: Type.Optional(Type.Union(REPUTATIONS.map((r) => Type.Literal(r)), { description: 'a poor prior reputation moves the case one cluster up' })),
  },
  { additionalProperties: false },
);
export type IncidentScct = Static<typeof IncidentScct>;

export const AnswersFile = Type.Object(
  {
    playbook: Type.Optional(Type.String()),
    incident: IncidentMeta,
    office: Office,
    release: Type.Optional(Type.Object({ number: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })),
    scct: Type.Optional(IncidentScct),
    triage: Type.Optional(Type.Record(Type.String(), AnswerValue)),
    answers: Type.Record(Type.String(), AnswerValue),
  },
  { additionalProperties: false },
);
export type AnswersFile = Static<typeof AnswersFile>;
export type AnswerValue = Static<typeof AnswerValue>;

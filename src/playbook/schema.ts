/**
 * Playbook format v1: the single source of truth. The TypeScript types below are derived from
 * these schemas (`Static<>`), and `schema/playbook.schema.json` is generated from them
 * (`npm run build` writes it; `tanggap schema` prints it).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const Id = Type.String({
  pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  description: 'Stable kebab-case identifier, e.g. "holding-statement".',
});
/** Question ids become Handlebars variables, so they are snake_case. */
const QuestionId = Type.String({
  pattern: '^[a-z][a-z0-9]*(_[a-z0-9]+)*$',
  description: 'snake_case identifier, used as the variable name in templates, e.g. "jumlah_korban".',
});
const Duration = Type.String({
  pattern: '^([0-9]+(m|h|d|w))+$',
  description: 'Time after the incident start: "15m", "1h", "1h30m", "3d", "2w".',
});

/** A text in every supported language. Extra languages are allowed. */
export const LocalizedText = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, description: 'Bahasa Indonesia' })),
    en: Type.Optional(Type.String({ minLength: 1, description: 'English' })),
  },
  { additionalProperties: false, minProperties: 1, description: 'Text per language: { id: …, en: … }' },
);
export type LocalizedText = Static<typeof LocalizedText>;

export const CATEGORIES = [
  'disaster',
  'corruption',
  'force-majeure',
  'hoax',
  'data-breach',
  'service-failure',
  'misconduct',
  'other',
] as const;
export const TRIGGERS = ['internal', 'external', 'force-majeure', 'corruption'] as const;
export const CLUSTERS = ['victim', 'accidental', 'preventable'] as const;
export type Cluster = (typeof CLUSTERS)[number];
/** SCCT response postures a step can take. */
export const POSTURES = ['instruct', 'adjust', 'deny', 'diminish', 'rebuild', 'bolster'] as const;
export type Posture = (typeof POSTURES)[number];
export const STAGE_IDS = ['recognize', 'respond', 'apologize', 'repair'] as const;
export type StageId = (typeof STAGE_IDS)[number];
export const QUESTION_TYPES = [
  'text',
  'longtext',
  'number',
  'datetime',
  'select',
  'multiselect',
  'confirm',
  'list',
] as const;
export const TEMPLATE_KINDS = [
  'holding-statement',
  'press-release',
  'update',
  'apology',
  'hoax-clarification',
  'faq',
  'talking-points',
  'fact-sheet',
  'social-post',
  'whatsapp',
  'sms',
  'media-advisory',
  'internal-memo',
  'chronology',
  'contacts',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const CHANNELS = [
  'website',
  'print',
  'tv',
  'radio',
  'online-media',
  'x',
  'instagram',
  'facebook',
  'tiktok',
  'whatsapp',
  'sms',
  'press-conference',
  'internal',
] as const;
export type Channel = (typeof CHANNELS)[number];

const enumOf = <T extends readonly string[]>(values: T, description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  ) as unknown as TSchema & { static: T[number] };

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);

const conditionParts = {
  minLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  maxLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  cluster: Type.Optional(Type.Array(enumOf(CLUSTERS, 'SCCT cluster (after modifiers)'), { minItems: 1 })),
  strategy: Type.Optional(Type.Array(enumOf(POSTURES, 'recommended primary strategy'), { minItems: 1 })),
  drill: Type.Optional(Type.Boolean()),
  answers: Type.Optional(
    Type.Record(Type.String(), Type.Union([Scalar, Type.Array(Scalar, { minItems: 1 })]), {
      description: 'question id -> required value (or any of a list of values)',
    }),
  ),
};
const SimpleCondition = Type.Object(conditionParts, { additionalProperties: false });
/** A condition on the triage level, the SCCT cluster/strategy, the drill flag or earlier answers. All given parts must hold. */
export const Condition = Type.Object(
  {
    ...conditionParts,
    any: Type.Optional(Type.Array(SimpleCondition, { minItems: 1, description: 'at least one of these holds' })),
    not: Type.Optional(SimpleCondition),
  },
  { additionalProperties: false, description: 'All given parts must hold.' },
);
export type Condition = Static<typeof Condition>;

export const Validation = Type.Object(
  {
    pattern: Type.Optional(Type.String({ description: 'regular expression the answer must match' })),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
    message: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);

export const Option = Type.Object(
  {
    value: Type.String({ minLength: 1 }),
    label: LocalizedText,
    score: Type.Optional(Type.Integer({ minimum: 1, maximum: 3, description: 'triage score: 1 low, 2 medium, 3 high' })),
  },
  { additionalProperties: false },
);

export const Question = Type.Object(
  {
    id: QuestionId,
    type: enumOf(QUESTION_TYPES, 'answer type'),
    prompt: LocalizedText,
    help: Type.Optional(LocalizedText),
    required: Type.Optional(Type.Boolean({ default: false })),
    default: Type.Optional(Type.Union([Scalar, Type.Array(Scalar)])),
    options: Type.Optional(Type.Array(Option, { minItems: 1 })),
    validate: Type.Optional(Validation),
    when: Type.Optional(Condition),
    fact: Type.Optional(
      Type.Boolean({
        description:
          'a pinned fact (figure, time, place) that every statement must agree with; `tanggap check --incident` compares against it',
      }),
    ),
    sensitive: Type.Optional(Type.Boolean({ description: 'personal data: never printed in logs' })),
  },
  { additionalProperties: false },
);
export type Question = Static<typeof Question>;

export const Escalation = Type.Object(
  {
    role: Id,
    within: Duration,
    note: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);

export const Level = Type.Object(
  {
    level: Type.Integer({ minimum: 1, maximum: 4 }),
    name: LocalizedText,
    description: Type.Optional(LocalizedText),
    escalation: Type.Array(Escalation),
    updateEvery: Type.Optional(Duration),
  },
  { additionalProperties: false },
);

const MatrixRow = Type.Array(Type.Integer({ minimum: 1, maximum: 4 }), {
  minItems: 3,
  maxItems: 3,
  description: 'levels for impact low, medium, high',
});

export const Triage = Type.Object(
  {
    urgency: Type.Array(Question, { minItems: 1, description: 'questions whose highest option score is the urgency (1-3)' }),
    impact: Type.Array(Question, { minItems: 1, description: 'questions whose highest option score is the impact (1-3)' }),
    matrix: Type.Object(
      { low: MatrixRow, medium: MatrixRow, high: MatrixRow },
      { additionalProperties: false, description: 'urgency -> [impact low, medium, high] -> level 1-4' },
    ),
    levels: Type.Array(Level, { minItems: 4, maxItems: 4 }),
  },
  { additionalProperties: false },
);
export type Triage = Static<typeof Triage>;

export const Scct = Type.Object(
  {
    cluster: enumOf(CLUSTERS, 'SCCT crisis cluster'),
    history: Type.Optional(Type.Boolean({ description: 'history of similar crises (moves the case one cluster up)' })),
    priorReputation: Type.Optional(
      Type.Union([Type.Literal('good'), Type.Literal('neutral'), Type.Literal('poor')], {
        description: 'a poor prior reputation moves the case one cluster up',
      }),
    ),
    rumor: Type.Optional(Type.Boolean({ description: 'the crisis is a rumour: denial is allowed' })),
    notes: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);
export type Scct = Static<typeof Scct>;

export const Step = Type.Object(
  {
    id: Id,
    title: LocalizedText,
    description: Type.Optional(LocalizedText),
    owner: Id,
    deadline: Duration,
    checklist: Type.Optional(Type.Array(LocalizedText)),
    when: Type.Optional(Condition),
    asks: Type.Optional(Type.Array(QuestionId, { description: 'question ids asked in this step' })),
    drafts: Type.Optional(Type.Array(Id, { description: 'template ids drafted in this step' })),
    posture: Type.Optional(enumOf(POSTURES, 'the SCCT posture this step takes')),
    public: Type.Optional(Type.Boolean({ description: 'the step releases a statement to the public' })),
    reason: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);
export type Step = Static<typeof Step>;

export const Stage = Type.Object(
  {
    id: enumOf(STAGE_IDS, 'stage'),
    goal: Type.Optional(LocalizedText),
    steps: Type.Array(Step),
  },
  { additionalProperties: false },
);
export type Stage = Static<typeof Stage>;

export const Role = Type.Object(
  {
    id: Id,
    title: LocalizedText,
    description: Type.Optional(LocalizedText),
    partner: Type.Optional(Type.Boolean({ description: 'a partner agency (Bakohumas liaison) rather than the office itself' })),
  },
  { additionalProperties: false },
);
export type Role = Static<typeof Role>;

export const Template = Type.Object(
  {
    id: Id,
    kind: enumOf(TEMPLATE_KINDS, 'statement kind'),
    channel: enumOf(CHANNELS, 'where it is published'),
    title: LocalizedText,
    files: Type.Object(
      {
        id: Type.Optional(Type.String({ minLength: 1 })),
        en: Type.Optional(Type.String({ minLength: 1 })),
      },
      { additionalProperties: false, minProperties: 1, description: 'template file per language, relative to this playbook' },
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, description: 'length limit in characters for the channel' })),
    when: Type.Optional(Condition),
  },
  { additionalProperties: false },
);
export type Template = Static<typeof Template>;

export const Phrases = Type.Object(
  {
    id: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    en: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);

export const Playbook = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    version: Type.Literal(1),
    id: Id,
    extends: Type.Optional(Type.String({ description: 'a built-in playbook id, or a path to another playbook file' })),
    aliases: Type.Optional(Type.Array(Id)),
    title: LocalizedText,
    summary: LocalizedText,
    category: enumOf(CATEGORIES, 'crisis category'),
    trigger: enumOf(TRIGGERS, 'crisis trigger'),
    scct: Scct,
    triage: Triage,
    roles: Type.Array(Role, { minItems: 1 }),
    partners: Type.Optional(Type.Array(LocalizedText, { description: 'partner agencies to coordinate with' })),
    keyMessages: Type.Optional(Type.Array(LocalizedText)),
    avoid: Type.Optional(Phrases),
    questions: Type.Array(Question),
    stages: Type.Array(Stage, { minItems: 1 }),
    templates: Type.Array(Template),
    partials: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]*$' }), Type.Object(
        { id: Type.Optional(Type.String()), en: Type.Optional(Type.String()) },
        { additionalProperties: false, minProperties: 1 },
      ), { description: 'partial name -> file per language; overrides the built-in partials' }),
    ),
    settings: Type.Optional(
      Type.Object(
        {
          firstStatementWithin: Type.Optional(Duration),
          updateEvery: Type.Optional(Duration),
        },
        { additionalProperties: false },
      ),
    ),
  },
  {
    additionalProperties: false,
    $id: 'https://tanggap.dev/schema/playbook.schema.json',
    title: 'tanggap playbook',
    description: 'A crisis playbook for tanggap (format v1).',
  },
);
export type Playbook = Static<typeof Playbook>;

/**
 * An office's playbook that extends another may leave out anything it inherits, so the
 * extending document is checked against a relaxed schema and the merged result against the full one.
 */
export const PlaybookOverlay = Type.Partial(Playbook, { additionalProperties: false });

export function jsonSchema(): Record<string, unknown> {
  const schema = JSON.parse(JSON.stringify(Playbook)) as Record<string, unknown>;
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  return schema;
}

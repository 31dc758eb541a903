/** Every statement rule, in the order their findings are listed on a line. */
import type { CheckRule } from '../types.js';
import { rule as absolutePromise } from './absolute-promise.js';
import { rule as apologyBlameShift } from './apology-blame-shift.js';
import { rule as apologyConditional } from './apology-conditional.js';
import { rule as apologyElements } from './apology-elements.js';
import { rule as cercParts } from './cerc-parts.js';
import { rule as channelLimit } from './channel-limit.js';
import { rule as figureMismatch } from './figure-mismatch.js';
import { rule as hoaxClarificationParts } from './hoax-clarification-parts.js';
import { rule as longParagraph } from './long-paragraph.js';
import { rule as longSentence } from './long-sentence.js';
import { rule as noComment } from './no-comment.js';
import { rule as passiveOveruse } from './passive-overuse.js';
import { rule as playbookAvoid } from './playbook-avoid.js';
import { rule as pressReleaseStructure } from './press-release-structure.js';
import { rule as speculation } from './speculation.js';
import { rule as unexplainedAbbreviation } from './unexplained-abbreviation.js';
import { rule as unfilledFact } from './unfilled-fact.js';
import { rule as victimBlaming } from './victim-blaming.js';

export const CHECK_RULES: readonly CheckRule[] = [
  unfilledFact,
  cercParts,
  pressReleaseStructure,
  apologyElements,
  apologyConditional,
  apologyBlameShift,
  hoaxClarificationParts,
  noComment,
  speculation,
  absolutePromise,
  victimBlaming,
  unexplainedAbbreviation,
  playbookAvoid,
  channelLimit,
  figureMismatch,
  longSentence,
  longParagraph,
  passiveOveruse,
] as CheckRule[];

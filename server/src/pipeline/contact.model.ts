import { z } from 'zod';
import { optBool, optDate, optInt, optNum, optStr, str } from '../core/models.js';

// Contact and visit logs (走访/洽谈记录) of task forces, and leaders' duty targets (领导责任目标).

export const CONTACT_KINDS = ['VISIT', 'RECEPTION', 'MEETING', 'CALL', 'EVENT'] as const;
export const ContactKindModel = z.enum(CONTACT_KINDS);
export type ContactKind = z.infer<typeof ContactKindModel>;

export const contactFields = (c: string) =>
  `${c} { .id, on: toString(${c}.on), .kind, .tripOut, .place, .note, .nextStep, .personId, .enterpriseId, .taskForceId, .regionCode, .chainId, .by }`;

/** A `(:Contact)`: one visit, reception, meeting, call or event with an enterprise (走访/洽谈记录). */
export const ContactModel = z
  .object({
    id: str,
    on: optDate,
    kind: ContactKindModel,
    tripOut: optBool,
    place: optStr,
    note: optStr,
    nextStep: optStr,
    personId: optStr,
    enterpriseId: optStr,
    taskForceId: optStr,
    regionCode: optStr,
    chainId: optStr,
    by: optStr,
  })
  .transform(({ id, tripOut, ...c }) => ({
    __typename: 'Contact' as const,
    key: id,
    tripOut: tripOut ?? false,
    ...c,
  }));
export type ContactRecord = z.output<typeof ContactModel>;

export const dutyFields = (d: string) =>
  `${d} { .id, .year, .personId, .tripsOut, .projectsPlanned, .plannedMinAmount, .source, .version }`;

/** A `(:DutyTarget)`: a leader's yearly duties (trips out, projects planned of a size). */
export const DutyTargetModel = z
  .object({
    id: str,
    year: z.number().int(),
    personId: optStr,
    tripsOut: optInt,
    projectsPlanned: optInt,
    plannedMinAmount: optNum,
    source: optStr,
    version: optInt,
  })
  .transform(({ id, ...d }) => ({ __typename: 'DutyTarget' as const, key: id, ...d }));
export type DutyTargetRecord = z.output<typeof DutyTargetModel>;

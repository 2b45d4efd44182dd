/**
 * What the Basic Profile does with one element (PS3.15 E.1.1 action codes, resolved for one VR):
 * - `keep`: unchanged (K). A kept sequence is still de-identified item by item.
 * - `remove`: the element goes (X).
 * - `empty`: kept with a zero-length value, or with no items for a sequence (Z).
 * - `dummy`: replaced by a value valid for its VR that carries nothing (D); see dummyValue. A sequence
 *   keeps its items, de-identified recursively.
 * - `replaceUid`: every UID of the value mapped through replacementUid (U); a sequence (X/Z/U*) keeps its
 *   items, whose UIDs are mapped by their own rules.
 * - `clean`: free text kept with identifying words masked (C); see cleanText. A sequence keeps its items,
 *   de-identified recursively.
 * - `shiftDate`: DA values, and the date part of DT values, moved back by the patient's whole number of
 *   days (C of the Retain Longitudinal Temporal Information Modified Dates Option); see date-shift.
 */
export type BasicAction = 'keep' | 'remove' | 'empty' | 'dummy' | 'replaceUid' | 'clean' | 'shiftDate';

export const BASIC_ACTIONS: readonly BasicAction[] = ['keep', 'remove', 'empty', 'dummy', 'replaceUid', 'clean', 'shiftDate'];

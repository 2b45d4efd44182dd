// Is a Body Part Examined value a chest? DICOM's defined term is CHEST; sites also write THORAX,
// LUNG, local-language words and free text ("CHEST PA", "Lồng ngực"). Values are compared as words,
// upper case, without accents, so that "Thorax/Lungs" and "THORAX" both match.

/** Words that name the chest, in the languages seen in PACS exports (Vietnamese without accents). */
export const CHEST_WORDS: readonly string[] = [
  'CHEST', 'THORAX', 'THORACIC', 'THX', 'CXR', 'LUNG', 'LUNGS', 'PULMONARY', 'RIBS',
  'TORAX', 'TORACE', 'TORACICO', 'THORAKS', 'BRUST', 'BRUSTKORB', 'POITRINE', 'PECHO', 'PETTO', 'TORAKS',
  'NGUC', 'PHOI',
];

/** Upper case, accents and Vietnamese đ removed, split into words. */
export function bodyPartWords(value: string): string[] {
  const plain = value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'D').toUpperCase();
  return plain.split(/[^A-Z0-9]+/).filter((w) => w !== '');
}

/** True when any word of the value names the chest (extra words: a site's own spellings). */
export function isChestBodyPart(value: string, extraWords: readonly string[] = []): boolean {
  const words = new Set([...CHEST_WORDS, ...extraWords.flatMap(bodyPartWords)]);
  return bodyPartWords(value).some((w) => words.has(w));
}

/** A Person Name value as the DICOM JSON model groups it (PS3.18 F.2.2). */
export interface PersonName {
  Alphabetic: string;
  Ideographic?: string;
  Phonetic?: string;
}

/** Splits one decoded PN value ("Yamada^Tarou=山田^太郎=やまだ^たろう") into its component groups. */
export function parsePersonName(text: string): PersonName {
  const [alphabetic = '', ideographic, phonetic] = text.split('=');
  const name: PersonName = { Alphabetic: alphabetic };
  if (ideographic !== undefined) name.Ideographic = ideographic;
  if (phonetic !== undefined) name.Phonetic = phonetic;
  return name;
}

export function formatPersonName(name: PersonName): string {
  const groups = [name.Alphabetic, name.Ideographic ?? '', name.Phonetic ?? ''];
  while (groups.length > 1 && groups[groups.length - 1] === '') groups.pop();
  return groups.join('=');
}

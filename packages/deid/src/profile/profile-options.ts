/** The two de-identification profiles `cxrlab deid` offers. */
export type ProfileName = 'vindr' | 'basic';
export const PROFILE_NAMES: readonly ProfileName[] = ['vindr', 'basic'];

/**
 * Options of the PS3.15 Annex E Basic Application Level Confidentiality Profile (Table E.1-1 columns).
 * Each one, when set, overrides the basic action of the attributes its column names.
 */
export interface BasicProfileOptions {
  /** Retain Longitudinal Temporal Information with Modified Dates: dates shifted by a per-patient number of days. */
  retainModifiedDates?: boolean;
  /** Retain Longitudinal Temporal Information with Full Dates (excludes retainModifiedDates). */
  retainFullDates?: boolean;
  /** Retain Patient Characteristics (sex, age, size, weight, ...). */
  retainPatientCharacteristics?: boolean;
  /** Retain Device Identity (device serial numbers, station names, ...). */
  retainDeviceIdentity?: boolean;
  /** Retain Institution Identity. */
  retainInstitutionIdentity?: boolean;
  /** Retain UIDs: study, series, instance and referenced UIDs kept as they are. */
  retainUids?: boolean;
  /** Clean Descriptors: free-text descriptions kept with identifying words removed, instead of removed. */
  cleanDescriptors?: boolean;
}

/**
 * The secret of a run. With a key, image ids, replacement UIDs and date shifts are HMAC-SHA256 of the
 * original values, so nobody without the key can recompute them from a PACS; without one they are
 * plain hashes (MD5, as the VinDr-CXR release), reproducible by anyone holding the original UIDs.
 * The same key gives the same output across runs.
 */
export interface DeidKey {
  key: Uint8Array | undefined;
}

// A feature's texts in all three languages in one file: Finnish defines the keys, and the
// compiler refuses a Swedish or English block whose shape differs.
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export function defineTexts<const T extends object>(texts: { fi: T; sv: DeepStrings<T>; en: DeepStrings<T> }) {
  return texts;
}

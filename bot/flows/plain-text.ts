/** Lower case, no accents, no punctuation, single spaces: "¡No puedo TRABAJAR!" and "no puedo trabajar" compare equal. */
export function plainText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

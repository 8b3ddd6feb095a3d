/** Without accents: "Contraseña" → "Contrasena". People type "nao", "perche" and "contrasena" on the go. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Lower case without accents: how search, filters and matching compare words ("Contraseña" = "contrasena"). */
export function foldCase(text: string): string {
  return stripAccents(text).toLowerCase();
}

/** Folded words separated by single spaces, punctuation gone: "¡No puedo TRABAJAR!" → "no puedo trabajar". */
export function foldedPhrase(text: string): string {
  return foldCase(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

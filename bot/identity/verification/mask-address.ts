/** Shows enough of a registered address for the user to recognise it, and no more ("a•••@mesa.test", "•••••222"). */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}•••${address.slice(at)}`;
  const digits = address.replace(/\D/g, '');
  return `•••••${digits.slice(-3)}`;
}

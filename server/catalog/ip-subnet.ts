// IP addresses and subnets as APR's apr_ipsubnet_create reads them, for the places httpd parses one while it reads
// the configuration: `Require ip`, and `-R` / `-ipmatch` in expressions.

/**
 * What APR's apr_ipsubnet_create accepts: an IPv6 address (not an IPv4-mapped one) or an IPv4 dotted quad, with a
 * mask of 1 to 32 (128) bits or, for IPv4, a dotted netmask; without a mask also the leading parts of an IPv4
 * network (`10.1`, `10.1.`).
 */
export function validSubnet(value: string): boolean {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const mask = slash < 0 ? null : value.slice(slash + 1);
  if (!looksLikeIp(address)) return false;
  const v6 = isPlainIPv6(address);
  if (!v6 && !isDottedQuad(address) && !(mask === null && isNetwork(address))) return false;
  if (mask === null) return true;
  // strtol: blanks and a sign may lead, and the number must run to the end.
  const bits = /^\s*[+-]?\d+$/.test(mask) ? Number(mask.trim()) : 0;
  if (bits > 0 && bits <= (v6 ? 128 : 32)) return true;
  return !v6 && isDottedQuad(mask);
}

/** An IPv6 address as inet_pton reads it (no zone), not IPv4-mapped (APR refuses those). */
function isPlainIPv6(address: string): boolean {
  if (!address.includes(':') || address.includes('%')) return false;
  try {
    // The URL parser writes the address in its shortest form: a mapped one as ::ffff:xxxx:xxxx.
    return !/^\[::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/.test(new URL(`http://[${address}]/`).hostname);
  } catch {
    return false;
  }
}

/** APR's inet_pton for IPv4: four parts of at most 255 each (leading zeros allowed). */
function isDottedQuad(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((p) => /^\d+$/.test(p) && Number(p) <= 255);
}

/** The legacy network form: one to four parts of at most 255, each followed by a dot or the end (`10.1.`). */
function isNetwork(address: string): boolean {
  if (address.length > 15) return false;
  const parts = (address.endsWith('.') ? address.slice(0, -1) : address).split('.');
  return parts.length <= 4 && parts.every((p) => /^\d+$/.test(p) && Number(p) <= 255);
}

/** APR's first test: an address is digits and dots, or anything with a ':'; the rest (host names) is not one. */
export function looksLikeIp(address: string): boolean {
  return address !== '' && (address.includes(':') || /^[\d.]+$/.test(address));
}

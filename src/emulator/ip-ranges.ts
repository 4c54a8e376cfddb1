/** Tells whether an IPv4 address (or its IPv6-mapped form, or ::1) lies in one of the ranges. */
export function isAddressInRanges(address: string, ranges: ReadonlyArray<{ start: string; end: string }>): boolean {
  const value = ipv4ToNumber(address === '::1' ? '127.0.0.1' : address.replace(/^::ffff:/, ''));
  if (value === undefined) {
    return false;
  }
  return ranges.some((range) => {
    const start = ipv4ToNumber(range.start);
    const end = ipv4ToNumber(range.end);
    return start !== undefined && end !== undefined && value >= start && value <= end;
  });
}

function ipv4ToNumber(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let value = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!/^\d{1,3}$/.test(part) || octet > 255) {
      return undefined;
    }
    value = value * 256 + octet;
  }
  return value;
}

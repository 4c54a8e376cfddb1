/**
 * Returns a warning when a key file can be read or changed by users other
 * than its owner, with the chmod command that fixes it. Windows has no POSIX
 * modes, so nothing is reported there.
 */
export function permissionWarning(path: string, mode: number, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32' || (mode & 0o077) === 0) {
    return undefined;
  }
  const readers = [mode & 0o070 ? 'its group' : undefined, mode & 0o007 ? 'all users' : undefined]
    .filter((name) => name !== undefined)
    .join(' and ');
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return `The key file ${path} is accessible to ${readers} (mode ${octal}); restrict it with: chmod 600 ${shellQuote(path)}`;
}

function shellQuote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

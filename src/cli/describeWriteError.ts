/**
 * Why a file or stream could not be written, and what to do, in words (`no space left on device;
 * free some space or choose another path`) rather than as an errno code.
 */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'no space left on device; free some space or choose another path';
    case 'EDQUOT':
      return 'disk quota exceeded; free some space or choose another path';
    case 'EFBIG':
      return 'file too large for this file system or for the file size limit (ulimit -f); choose another path or raise the limit';
    case 'EROFS':
      return 'read-only file system; choose another path';
    case 'EIO':
      return 'input/output error; check the disk, or choose another path';
    case 'ENOENT':
      return 'no such directory; check the path';
    case 'ENOTDIR':
      return 'a part of the path is not a directory; check the path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; choose another path';
    case 'EISDIR':
      return 'it is a directory; name a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

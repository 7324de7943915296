/**
 * A shipped file read where it lies, a range at a time (issue 8: `snapshot.bin` is 59 MB, and a
 * screener reads its header, offset tables and name index and the few records it scores, so holding
 * the whole file would add its 20 MB of records to RSS for nothing). The file stays open for as long
 * as its source is reachable and is closed when the source is collected; an open descriptor also
 * keeps the file a process started with readable when a package update replaces it on disk.
 */

/** Bytes read by position: a file kept open, or bytes in memory. */
export interface ByteSource {
  /** Length in bytes. */
  readonly size: number;
  /** `length` bytes from `position` (fewer only past the end). */
  read(position: number, length: number): Uint8Array;
}

/** The part of Node's `fs` a {@link ByteSource} over a file needs. */
export type FileSystem = Pick<typeof import("node:fs"), "openSync" | "fstatSync" | "readSync" | "closeSync">;

let closing: FinalizationRegistry<number> | undefined;

/**
 * A source over the file at `path`, read with positioned reads (pread); undefined when it cannot be opened.
 * @example
 * fileSource(fs, "lists/compiled/snapshot.bin")?.read(0, 4) //=> Uint8Array [83, 83, 83, 80] ("SSSP")
 */
export function fileSource(fs: FileSystem, path: string): ByteSource | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, "r");
  } catch {
    return undefined;
  }
  const size = fs.fstatSync(fd).size;
  const source: ByteSource = {
    size,
    read(position, length) {
      const out = new Uint8Array(Math.max(0, Math.min(length, size - position)));
      let done = 0;
      while (done < out.length) {
        const n = fs.readSync(fd, out, done, out.length - done, position + done);
        if (n === 0) break;
        done += n;
      }
      return done === out.length ? out : out.subarray(0, done);
    },
  };
  closing ??= new FinalizationRegistry((descriptor) => {
    try {
      fs.closeSync(descriptor);
    } catch {
      // already closed: nothing to release
    }
  });
  closing.register(source, fd);
  return source;
}

/**
 * A source over bytes already in memory.
 * @example
 * bytesSource(new Uint8Array([1, 2, 3])).read(1, 5) //=> Uint8Array [2, 3]
 */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (position, length) => bytes.subarray(position, position + length) };
}

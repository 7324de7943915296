import { fstatSync, readSync } from "node:fs";

/**
 * The whole file open at `fd` in a `SharedArrayBuffer` (batch workers view it without a copy);
 * `short` is called, and must throw, when the file ends before its size.
 * @example
 * readWholeShared(openSync(path, "r"), () => { throw new Error("truncated"); }).buffer instanceof SharedArrayBuffer //=> true
 */
export function readWholeShared(fd: number, short: (size: number, done: number) => never): Uint8Array {
  const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
  for (let done = 0; done < bytes.length; ) {
    const n = readSync(fd, bytes, done, bytes.length - done, done);
    if (n === 0) short(bytes.length, done);
    done += n;
  }
  return bytes;
}

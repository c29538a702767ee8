/**
 * A file that cannot be turned into text. The message names the file so a CLI or an upload form
 * can show it as is; `reason` alone is what a caller shows next to a file name it already prints.
 */
export class DecodeError extends Error {
  constructor(
    public fileName: string,
    public reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = "DecodeError";
  }
}

/** A week that cannot be read; carries the file position for the author. */
export class WeekParseError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(file: string, line: number | undefined, column: number | undefined, message: string) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ""}` : ""} ${message}`);
    this.name = "WeekParseError";
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

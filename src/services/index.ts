// The application's use cases, wired to a database. Routes and the CLI call these, never SQL.
export interface Services {
  /** Answers when the database does. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

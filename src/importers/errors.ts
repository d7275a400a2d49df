// An import that cannot be carried out: a Danish reason and where (file line or HTTP status).
export class ImportError extends Error {
  constructor(
    message: string,
    readonly where: { line?: number; httpStatus?: number; file?: string } = {},
  ) {
    super(
      where.line !== undefined
        ? `Linje ${where.line}: ${message}`
        : where.httpStatus !== undefined
          ? `HTTP ${where.httpStatus}: ${message}`
          : message,
    );
    this.name = 'ImportError';
  }
}

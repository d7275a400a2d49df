// Errors a use case can end in, each with its HTTP status and a Danish message for the user.
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
export const unauthorized = () => new AppError(401, 'Du skal logge ind.');
export const forbidden = (what = 'dette') => new AppError(403, `Du har ikke adgang til ${what}.`);
export const notFound = (what: string) => new AppError(404, `${what} findes ikke.`);
export const badRequest = (message: string, details?: unknown) => new AppError(400, message, details);
export const conflict = (message: string, details: unknown) => new AppError(409, message, details);

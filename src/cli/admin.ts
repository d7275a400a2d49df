// `maaltavle admin …`: account administration from the command line (for a lost administrator password).
import { loadConfig } from '../config.ts';
import { ONE_TIME_HOURS, resetPassword } from '../services/auth.ts';
import { openServices } from '../services/bootstrap.ts';
import { AppError } from '../services/errors.ts';

export const ADMIN_USAGE = `Brug: maaltavle admin reset-password <bruger>

  reset-password <bruger>   Giv brugeren (brugernavn eller e-mail, fx "admin") en ny engangsadgangskode.
                            Den virker i ${ONE_TIME_HOURS} timer og skal skiftes ved første login; brugerens
                            sessioner logges ud.
`;

export async function adminCommand(args: string[]): Promise<number> {
  const [sub, user] = args;
  if (sub !== 'reset-password' || !user) {
    process.stderr.write(ADMIN_USAGE);
    return sub === undefined || sub === '--help' ? 0 : 2;
  }
  const services = await openServices(loadConfig());
  try {
    const password = await resetPassword(services.database.db, user);
    process.stdout.write(
      `Ny engangsadgangskode til "${user}": ${password}\nDen virker i ${ONE_TIME_HOURS} timer og skal skiftes ved første login.\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`Fejl: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await services.close();
  }
}

import { loadAppConfig } from '../config/app.config';
import { issueToken, TOKEN_USAGE } from './token-issuer';

// `npm run token -- coordinator [--member <uuid>] [--ttl 8h]`: the token on stdout (for $(...)), the rest on stderr.
async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
    console.error(TOKEN_USAGE);
    return args.length === 0 ? 2 : 0;
  }
  try {
    const issued = await issueToken(args, loadAppConfig(process.env));
    process.stdout.write(`${issued.token}\n`);
    console.error(`${issued.role} token for ${issued.sub}, valid until ${issued.expiresAt}`);
    return 0;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${TOKEN_USAGE}`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

// pino, JSON, one line per event with the request id. Identity numbers, mobiles, codes,
// passwords, tokens and signatures never reach a log: request bodies are not logged, URLs
// are logged without their query, and these paths are redacted wherever they appear.
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-signature"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'code', 'idNumber', 'mobile', 'to', 'login', 'token', 'csrfToken', 'secret', 'body', 'cardholderIdNumber', 'rightIndex', 'leftIndex'].flatMap(
    (k) => [k, `*.${k}`],
  ),
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string; routeOptions?: { url?: string } }) => ({
          id: req.id,
          method: req.method,
          url: req.url?.split('?')[0],
          route: req.routeOptions?.url,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
      base: { service: 'absher' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** What a redacted bearer token reads as, in output, saved findings, reports and curl lines. */
export const REDACTED_TOKEN = '$TOKEN';

/** Secrets shorter than this are replaced only where they stand alone (see `redactSecret`). */
const SHORT_SECRET_LENGTH = 8;

/**
 * The text with every occurrence of `secret` replaced by `placeholder`: as it is, JSON-escaped
 * (`\/` for `/`) and percent-encoded, the forms a server's echo of it takes. A secret shorter
 * than 8 characters is replaced only where no letter or digit touches it, so that `--token t`
 * does not turn every "t" into `$TOKEN`.
 * @example
 * redactSecret('{"auth":"Bearer abc.def.ghi"}', 'abc.def.ghi'); // '{"auth":"Bearer $TOKEN"}'
 */
export function redactSecret(text: string, secret: string, placeholder = REDACTED_TOKEN): string {
  if (secret === '') return text;
  const forms = [...new Set([secret, secret.split('/').join('\\/'), encodeURIComponent(secret)])];
  if (secret.length >= SHORT_SECRET_LENGTH) {
    return forms.reduce((redacted, form) => redacted.split(form).join(placeholder), text);
  }
  const alternatives = forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return text.replace(
    new RegExp(`(?<![A-Za-z0-9])(?:${alternatives})(?![A-Za-z0-9])`, 'g'),
    () => placeholder,
  );
}

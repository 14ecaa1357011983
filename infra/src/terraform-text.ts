import { createHash } from 'node:crypto';

/**
 * Literal text inside a Terraform string: `${` and `%{` start interpolations and directives, so they are
 * doubled (`$${`, `%%{`). HiveQL (`${hivevar:…}`) and config.ini (`${emr_name}`) use them.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** The text Terraform writes for a literal produced by terraformLiteral. */
export function fromTerraformLiteral(literal: string): string {
  return literal.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
}

/** base64 SHA-256 of a text: the S3 objects' source_hash, so a change of content redeploys the object. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

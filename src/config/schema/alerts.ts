/** Alert rules: conditions that tag events with a rule's name. */
import { z } from 'zod';
import { eventTypeSchema, regexString } from './values.js';

/** Kinds an attachment is identified as from its bytes (src/attachments/identify.ts), as alert rules name them. */
export const ATTACHMENT_KINDS = ['pdf', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'ppt', 'pptx', 'ole2', 'ofd', 'zip', 'rar', '7z', 'image', 'other'] as const;

export const alertSchema = z.strictObject({
  name: z.string().min(1).describe("Name listed in an event's `alerts`."),
  on: z.array(eventTypeSchema).default(['document.created']).describe('Event types the rule applies to.'),
  titlePattern: regexString.optional().describe('Regex (RE2 syntax, linear-time; titles cut to 4096 characters) the document title must match.'),
  sources: z.array(z.string()).optional().describe('Source ids the rule is limited to.'),
  fields: z.record(z.string(), regexString).optional().describe('Canonical field key → regex (RE2 syntax) its value must match.'),
  fieldsMustChange: z
    .boolean()
    .default(true)
    .describe(
      'On document.updated, each `fields` condition also needs the update to have changed that field (a repealed document edited later does not alert again); false: the value alone decides.',
    ),
  attachmentPattern: regexString
    .optional()
    .describe("Regex (RE2 syntax) an attachment name must match: one the event brings (all of a new document's; those added or changed by an update)."),
  attachmentTypes: z
    .array(z.enum(ATTACHMENT_KINDS))
    .min(1)
    .optional()
    .describe(
      "Kinds one of those attachments must be (by its bytes; by its name's extension when it was not fetched), e.g. [pdf, ofd]; with attachmentPattern, the same attachment must match both.",
    ),
});

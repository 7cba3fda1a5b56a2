// Prints the config reference table (README embeds it between config-reference markers).
import { configReferenceMarkdown } from '../src/config/reference.js';

process.stdout.write(`${configReferenceMarkdown()}\n`);

export { decodeBody, type DecodedPage, type CharsetSource } from './decode.js';
export { normalizeCharset } from './charset.js';

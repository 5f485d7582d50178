export { ianaOffsetSeconds, isIanaZone } from './iana-zone-offset.js';

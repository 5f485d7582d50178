export { canonicalJson, contentId } from './content-id.js';
export { clockFromSourceDateEpoch, fixedClock, systemClock, type Clock } from './clock.js';

export { badgeColor, badgeMessage, reliabilitySvg, shieldsEndpoint } from './badge.js';
export type { BadgeColor, ShieldsEndpoint } from './badge.js';
export { lowestReliability, writeBadges } from './write.js';

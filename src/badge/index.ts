export { badgeColor, badgeMessage, reliabilitySvg, shieldsEndpoint } from './badge.js';
export type { BadgeColor, BadgeValue, ShieldsEndpoint } from './badge.js';
export { writeBadges } from './write.js';

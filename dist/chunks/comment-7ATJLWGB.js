import { createRequire as __trackrecordCreateRequire } from 'node:module';
const require = __trackrecordCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  fitMarkdown,
  markerTag,
  tokenIdentity,
  upsertStickyComment
} from "./chunk-5W6CPU2G.js";
import "./chunk-R7N4VANT.js";
import "./chunk-UBFBREK3.js";
export {
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  fitMarkdown,
  markerTag,
  tokenIdentity,
  upsertStickyComment
};

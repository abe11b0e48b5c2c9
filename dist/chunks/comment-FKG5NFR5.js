import { createRequire as __trackrecordCreateRequire } from 'node:module';
const require = __trackrecordCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  fitMarkdown,
  markerTag,
  tokenIdentity,
  upsertStickyComment
} from "./chunk-GAZB67IC.js";
import "./chunk-MPZ3DTSS.js";
import "./chunk-UBFBREK3.js";
export {
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  fitMarkdown,
  markerTag,
  tokenIdentity,
  upsertStickyComment
};

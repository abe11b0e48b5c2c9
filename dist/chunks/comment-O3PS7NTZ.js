import { createRequire as __trackrecordCreateRequire } from 'node:module';
const require = __trackrecordCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  fitMarkdown,
  markerTag,
  tokenIdentity,
  upsertStickyComment
} from "./chunk-OQIBCF6J.js";
import "./chunk-2QCE6TR3.js";
import "./chunk-UBFBREK3.js";
export {
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  fitMarkdown,
  markerTag,
  tokenIdentity,
  upsertStickyComment
};

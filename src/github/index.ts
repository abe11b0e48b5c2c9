export {
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  markerTag,
  tokenIdentity,
  upsertStickyComment,
  type StickyCommentOptions,
  type StickyCommentResult,
  type TokenIdentity,
} from './comment.js';
export { readGitHubContext, type GitHubContext, type PullRequestInfo } from './context.js';
export { createOctokit, type GitHubOctokit } from './octokit.js';

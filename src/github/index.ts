export {
  ACTIONS_BOT_LOGIN,
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  markerTag,
  upsertStickyComment,
  type StickyCommentOptions,
  type StickyCommentResult,
} from './comment.js';
export { readGitHubContext, type GitHubContext, type PullRequestInfo } from './context.js';
export { createOctokit, type GitHubOctokit } from './octokit.js';

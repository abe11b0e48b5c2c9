export {
  ACTIONS_BOT_LOGIN,
  GITHUB_COMMENT_LIMIT,
  fitCommentBody,
  markerTag,
  upsertStickyComment,
  type StickyCommentOptions,
  type StickyCommentResult,
} from './comment.js';
export {
  createOctokit,
  readGitHubContext,
  type GitHubContext,
  type GitHubOctokit,
  type PullRequestInfo,
} from './context.js';

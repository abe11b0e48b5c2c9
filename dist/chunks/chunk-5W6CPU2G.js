import { createRequire as __trackrecordCreateRequire } from 'node:module';
const require = __trackrecordCreateRequire(import.meta.url);
import {
  grouped
} from "./chunk-R7N4VANT.js";

// src/github/comment.ts
var GITHUB_COMMENT_LIMIT = 65536;
function markerTag(marker) {
  const text = marker.trim();
  if (text === "" || text.includes("-->") || text.includes("--!>") || text.startsWith(">") || text.startsWith("->")) {
    throw new Error(
      `trackrecord: invalid sticky comment marker ${JSON.stringify(marker)}: it must be usable inside <!-- -->`
    );
  }
  return `<!-- ${text} -->`;
}
async function tokenIdentity(octokit) {
  const { viewer } = await octokit.graphql(
    "query { viewer { __typename login } }"
  );
  return { login: viewer.login, bot: viewer.__typename === "Bot" };
}
function isSelf(user, self) {
  if (!user) return false;
  const bare = (login) => login.replace(/\[bot\]$/i, "").toLowerCase();
  return user.type === "Bot" === self.bot && bare(user.login) === bare(self.login);
}
async function upsertStickyComment(octokit, options) {
  const { owner, repo, issueNumber } = options;
  const tag = markerTag(options.marker);
  const body = stickyBody(options.body, tag);
  const comments = [];
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100
  });
  let read = 0;
  for await (const page of pages) {
    if (++read > octokit.limits.maxPages) {
      throw new Error(
        `stopped listing the comments of #${issueNumber} after ${octokit.limits.maxPages} pages: the GitHub API kept linking a next page`
      );
    }
    comments.push(...page.data);
  }
  const marked = comments.filter((c) => (c.body ?? "").includes(tag));
  const self = marked.length > 0 ? await tokenIdentity(octokit) : null;
  const existing = self && marked.find((c) => isSelf(c.user, self));
  if (existing) {
    const { data: data2 } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { id: data2.id, url: data2.html_url, action: "updated" };
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { id: data.id, url: data.html_url, action: "created" };
}
function stickyBody(body, tag, limit = GITHUB_COMMENT_LIMIT) {
  const marked = body.includes(tag) ? body : `${tag}
${body}`;
  const fitted = fitCommentBody(marked, limit);
  if (fitted.includes(tag)) return fitted;
  return fitCommentBody(`${tag}
${marked.replace(tag, "")}`, limit);
}
var FENCE_RE = /^((?:[ \t]*>)*[ \t]*)(`{3,}|~{3,})(.*)$/;
function scanHtml(text, state) {
  let rest = text;
  while (rest !== "") {
    if (state.htmlComment) {
      const end = rest.indexOf("-->");
      if (end < 0) return;
      state.htmlComment = false;
      rest = rest.slice(end + 3);
      continue;
    }
    const start = rest.indexOf("<!--");
    const visible = start < 0 ? rest : rest.slice(0, start);
    for (const match of visible.matchAll(/<(\/?)(details|pre)\b[^>]*>/gi)) {
      const element = match[2].toLowerCase() === "pre" ? "pre" : "details";
      state[element] = match[1] === "/" ? Math.max(0, state[element] - 1) : state[element] + 1;
    }
    if (start < 0) return;
    state.htmlComment = true;
    rest = rest.slice(start + 4);
  }
}
function openState(text) {
  const state = { fence: null, htmlComment: false, details: 0, pre: 0 };
  for (const line of text.split("\n")) {
    const fence = FENCE_RE.exec(line);
    if (state.fence) {
      const open = state.fence;
      if (fence && fence[2][0] === open.char && fence[2].length >= open.length && fence[3].trim() === "") {
        state.fence = null;
      }
      continue;
    }
    if (!state.htmlComment && fence && !(fence[2][0] === "`" && fence[3].includes("`"))) {
      state.fence = { prefix: fence[1], char: fence[2][0], length: fence[2].length };
      continue;
    }
    scanHtml(line, state);
  }
  return state;
}
function closers(state) {
  let out = "";
  if (state.fence) out += `
${state.fence.prefix}${state.fence.char.repeat(state.fence.length)}`;
  if (state.htmlComment) out += " -->";
  if (state.pre > 0) out += "\n</pre>".repeat(state.pre);
  if (state.details > 0) out += "\n" + "\n</details>".repeat(state.details);
  return out;
}
function commentNote(limit) {
  return (omitted, total) => `

---
**Truncated:** this comment was cut to fit the comment size limit of ${grouped(limit)} characters; the last ${grouped(omitted)} of ${grouped(total)} characters were left out. The full report is in the workflow run.`;
}
function fitCommentBody(body, limit = GITHUB_COMMENT_LIMIT) {
  return fitMarkdown(body, limit, commentNote(limit));
}
function fitMarkdown(body, limit, note, size = (text) => text.length) {
  if (size(body) <= limit) return body;
  let budget = limit;
  for (; ; ) {
    let cut = budget - size(note(body.length, body.length));
    if (cut < 0) throw new RangeError(`fitMarkdown: limit ${limit} is too small for the truncation note`);
    cut = Math.min(cut, body.length);
    const newline = body.lastIndexOf("\n", cut);
    if (newline > 0) cut = newline;
    else if (cut > 0 && isHighSurrogate(body.charCodeAt(cut - 1))) cut -= 1;
    const head = body.slice(0, cut).replace(/[ \t\r]+$/, "");
    const out = head + closers(openState(head)) + note(body.length - head.length, body.length);
    if (size(out) <= limit) return out;
    budget = Math.min(budget - 1, Math.floor(budget * limit / size(out)));
  }
}
function isHighSurrogate(code) {
  return code >= 55296 && code <= 56319;
}

export {
  GITHUB_COMMENT_LIMIT,
  markerTag,
  tokenIdentity,
  upsertStickyComment,
  fitCommentBody,
  fitMarkdown
};

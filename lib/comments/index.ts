/**
 * Comments and @mentions on everything (docs/follow-up.md): one model for
 * goals, ledger entries, commitments and agenda items. Use these from other
 * areas; the UI is `<Comments subjectType subjectId />` in
 * app/_components/comments.
 */
export { createComment, ZCreateComment, COMMENT_MAX } from './create-comment';
export { editComment, deleteComment, ZEditComment } from './edit-comment';
export { hideComment, restoreComment, ZHideComment } from './hide-comment';
export { listComments } from './list-comments';
export { loadSubject, presentComment, type Comment } from './records';
export { registerCommentSubject, commentSubject, COMMENT_SUBJECT_TYPES, type CommentSubjectType } from './subjects';
export { parseMarkdown, safeHref, mentionedIds, toHtml, toPlainText } from './markdown';

/** The longest comment (the server's COMMENT_MAX in lib/comments/create-comment.ts). */
export const COMMENT_MAX_LENGTH = 4000;

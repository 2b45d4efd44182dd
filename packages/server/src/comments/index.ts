// Comments on images.
export { commentRoutes, MAX_COMMENT_LENGTH } from './comment-routes.js';
export { imageCommentAccess, type ImageCommentAccess, type CommentViewer } from './comment-access.js';
export { visibleComments, type CommentView } from './comment-view.js';

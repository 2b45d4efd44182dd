// The annotation tools: the editor (document, undo/redo, the box tool), its drawing, label colours and search.
export type { AnnotationDoc, BoxInput, BoxToolState, DocBox, DocInput, EditorAction, EditorState, Handle, Rect } from './editor-types.js';
export { editorReducer, initialEditor } from './editor.js';
export { cursorFor, hoverAt, toolPath } from './box-tool/index.js';
export { liveBoxes, pendingRect, selectedBox } from './selectors.js';
export { editorKeyAction, type KeyLike } from './keymap.js';
export { boxesAt, handleAt, hitTest, topmostAt, type BoxHit } from './hit-test.js';
export { drawAnnotations, type DrawBox, type DrawOptions } from './draw-annotations.js';
export { drawEditor } from './draw-editor.js';
export { activeBoxes, sceneKey, sceneOutlines, staticBoxes, type SceneKey } from './editor-layers.js';
export { LABEL_PALETTE, READER_PALETTE, labelColor, labelColors, readerColor } from './label-colors.js';
export { labelShortcut, searchLabels, shortcutIndex, type LabelLike } from './label-search.js';
export { docToRead } from './doc-io.js';
export { useEditor, type UseEditor, type UseEditorOptions } from './use-editor.js';

// setImageSize: the image's size once known (existing boxes are not changed).
import type { Command } from './command.js';

export const setImageSize: Command<'setImageSize'> = {
  type: 'setImageSize',
  editsDoc: false,
  perform(ed, { imageWidth, imageHeight }) {
    if (ed.imageWidth === imageWidth && ed.imageHeight === imageHeight) return ed;
    return { ...ed, imageWidth, imageHeight };
  },
};

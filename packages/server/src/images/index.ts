// The server's image module: headers, full-depth pixel blobs for the browser, thumbnails, and their disk cache.
export { readImageHeader, KEY_VALUE_KEYWORDS, type ImageHeader, type Photometric } from './image-header.js';
export { headerWindows, type WindowPreset } from './header-windows.js';
export { identityAttributes, isMeaningfulValue, IDENTITY_KEYWORDS, DUMMY_VALUES } from './identity-attributes.js';
export { ImageError, type ImageErrorCode } from './image-error.js';
export { renderPixelBlob, type PixelBlob } from './pixel-blob.js';
export {
  encodePixelBlob, decodePixelBlob, packPixelBlob,
  PIXEL_BLOB_VERSION, PIXEL_BLOB_HEADER_BYTES, PIXEL_BLOB_CONTENT_ENCODING, PIXEL_BLOB_DEFLATE_LEVEL,
} from './pixel-blob-format.js';
export { fileStamp, imageEtag, etagMatches, type FileStamp } from './image-etag.js';
export { renderThumbnail, THUMBNAIL_VERSION, DEFAULT_THUMBNAIL_SIDE } from './thumbnail.js';
export { ImageCache, DEFAULT_CACHE_BYTES, type ImageCacheOptions, type CachedImage, type ImageCacheStats } from './image-cache.js';

// The server's image module: headers, full-depth pixel blobs for the browser, thumbnails, and their disk cache.
export { readImageHeader, KEY_VALUE_KEYWORDS, type ImageHeader, type Photometric } from './image-header.js';
export { headerWindows, type WindowPreset } from './header-windows.js';
export { identityAttributes, isMeaningfulValue, IDENTITY_KEYWORDS, DUMMY_VALUES } from './identity-attributes.js';
export { ImageError, type ImageErrorCode } from './image-error.js';
export { renderPixelBlob, type PixelBlob } from './pixel-blob.js';
export {
  encodePixelBlob, encodePixelBlobSync, decodePixelBlob, packPixelBlob, type PixelBlobEncoding,
  PIXEL_BLOB_VERSION, PIXEL_BLOB_HEADER_BYTES, PIXEL_BLOB_CONTENT_ENCODING, PIXEL_BLOB_DEFLATE_LEVEL, PIXEL_BLOB_DEFLATE_OPTIONS,
} from './pixel-blob-format.js';
export { encodeFilter, decodeFilter } from './blob-filter.js';
export { fileStamp, imageEtag, etagMatches, type FileStamp } from './image-etag.js';
export { renderThumbnail, THUMBNAIL_VERSION, DEFAULT_THUMBNAIL_SIDE } from './thumbnail.js';
export { ImageCache, DEFAULT_CACHE_BYTES, defaultRenderWorkers, type ImageCacheOptions, type CachedImage, type ImageCacheStats } from './image-cache.js';
export { RenderPool, DEFAULT_RENDER_QUEUE_LIMIT, DEFAULT_RENDER_TIMEOUT_MS, type RenderPoolOptions, type RenderPoolStats } from './render-pool.js';
export { renderJob, type RenderJob } from './render-job.js';

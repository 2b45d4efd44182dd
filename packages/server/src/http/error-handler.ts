// Turns every error into a coded JSON response; a 5xx never carries the error's message or stack.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, type ErrorBody } from './api-error.js';
import { fieldOf, validationMessage } from './validators.js';

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'ERR_BAD_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'ERR_BAD_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'ERR_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'ERR_UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'ERR_VALIDATION'],
};

/** notFound: a handler that may answer a request no route took (the web app's index.html) before the 404. */
export function installErrorHandler(app: FastifyInstance, notFound?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof ApiError && (error.code === 'ERR_RATE_LIMITED' || error.code === 'ERR_BUSY') && typeof error.details?.['retryAfterSeconds'] === 'number') {
      void reply.header('retry-after', String(error.details['retryAfterSeconds']));
    }
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => notFound?.(request, reply) ?? reply.status(404).send({ error: { code: 'ERR_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } } satisfies ErrorBody));
}

export function errorResponse(error: FastifyError | Error): { status: number; body: ErrorBody } {
  if (error instanceof ApiError) {
    return { status: error.statusCode, body: { error: { ...error.details, code: error.code, message: error.message, ...(error.field !== undefined ? { field: error.field } : {}) } } };
  }
  const fe = error as FastifyError;
  if (Array.isArray(fe.validation) && fe.validation.length > 0) {
    const issue = fe.validation[0] as unknown as Parameters<typeof fieldOf>[1];
    const field = fieldOf(fe.validationContext, issue);
    return { status: 400, body: { error: { code: 'ERR_VALIDATION', message: validationMessage(field, issue), field } } };
  }
  const known = fe.code !== undefined ? FASTIFY_CODES[fe.code] : undefined;
  if (known !== undefined) return { status: known[0], body: { error: { code: known[1], message: fe.message } } };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: { code: fe.code ?? 'ERR_VALIDATION', message: fe.message } } };
  }
  return { status: 500, body: { error: { code: 'ERR_INTERNAL', message: 'internal error; the server log has the details' } } };
}

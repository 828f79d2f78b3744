import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

type Limits = NonNullable<Parameters<FastifyRequest['file']>[0]>['limits'];

/** No body at all: what a form posted without a chosen file, or a bare `curl -X POST`, sends. */
function hasNoBody(request: FastifyRequest): boolean {
  const h = request.headers;
  return (
    h['content-type'] === undefined &&
    h['transfer-encoding'] === undefined &&
    (h['content-length'] === undefined || h['content-length'] === '0')
  );
}

/**
 * The file of a one-file upload, or undefined when none was sent: a form without a file part,
 * or no body at all. Each route says what a missing file means to it (`request.file_missing`
 * unless it has a better word); a body of another kind stays `request.not_multipart`.
 */
export async function uploadedFile(
  request: FastifyRequest,
  limits?: Limits,
): Promise<MultipartFile | undefined> {
  if (!request.isMultipart() && hasNoBody(request)) return undefined;
  return request.file(limits ? { limits } : undefined);
}

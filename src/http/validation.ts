import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { parseIn } from '../core/parse-language.ts';

type Compiler = typeof validatorCompiler;

const issuesOf = (result: ReturnType<ReturnType<Compiler>>): FastifySchemaValidationError[] | undefined =>
  typeof result === 'object' && 'error' in result && Array.isArray(result.error) ? result.error : undefined;

/**
 * fastify-type-provider-zod's route validator, with the messages a schema writes itself (`msg`,
 * `say`) in Indonesian too. The validator runs outside any request's language, so it words them
 * in English; a refused request is parsed once more in Indonesian, and each issue carries that
 * wording as `params.messageId` for the error handler to choose from.
 */
export const bilingualValidatorCompiler: Compiler = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const result = validate(data);
    const issues = issuesOf(result);
    if (!issues) return result;
    const inId = issuesOf(parseIn('id', () => validate(data))) ?? [];
    return {
      error: issues.map((issue, i) => ({
        ...issue,
        params: { ...issue.params, messageId: inId[i]?.message },
      })),
    };
  };
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf, guard, requireAuth } from './guard.ts';
import {
  UnitDivisionSettings,
  UnitDivisionSettingsInput,
  UnitUser,
  UnitUserList,
  UnitUserParams,
  UnitUserUpdate,
} from './users.schema.ts';
import {
  listUnitUsers,
  setUnitDivisionSettings,
  unitDivisionSettings,
  updateUnitUser,
} from './users.service.ts';

/** The unit administrator's routes for its users' official data and its divisions. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/units/current/users',
    { schema: { tags: ['auth'], response: { 200: UnitUserList } }, preValidation: guard('users.manage') },
    async (request) => listUnitUsers(app.db, requireAuth(request)),
  );

  app.patch(
    '/api/units/current/users/:id',
    {
      schema: { tags: ['auth'], params: UnitUserParams, body: UnitUserUpdate, response: { 200: UnitUser } },
      preValidation: guard('users.manage'),
    },
    async (request) =>
      updateUnitUser(app.db, requireAuth(request), request.params.id, request.body, clientOf(request)),
  );

  app.get(
    '/api/units/current/divisions',
    {
      schema: { tags: ['auth'], response: { 200: UnitDivisionSettings } },
      preValidation: guard('units.manage'),
    },
    async (request) => unitDivisionSettings(app.db, requireAuth(request)),
  );

  app.put(
    '/api/units/current/divisions',
    {
      schema: { tags: ['auth'], body: UnitDivisionSettingsInput, response: { 200: UnitDivisionSettings } },
      preValidation: guard('units.manage'),
    },
    async (request) =>
      setUnitDivisionSettings(
        app.db,
        requireAuth(request),
        request.body.oneHeadForAllDivisions,
        clientOf(request),
      ),
  );
};

// A person's corrections of the threading as admin API calls: the same use cases as
// `cyber8k incidents merge` / `split` (src/incidents/corrections.usecase.ts), so a correction made
// here is stored, kept by every rethread and rebuild, linked `linkedBy: user` and announced by the
// same events.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { IncidentRepository } from '../../db/repositories/incidents.ts';
import { mergeIncidents, splitIncident, type CorrectionRepositories, type CorrectionResult } from '../../src/incidents/corrections.usecase.ts';
import { AppError } from '../../src/errors.ts';
import { ErrorSchema } from '../schemas/common.ts';
import { CorrectionResultSchema, IncidentParamsSchema, MergeInputSchema, SplitInputSchema, type CorrectionResultDto } from '../schemas/incident.ts';
import { toIncidentDto } from './incidents.ts';

export interface IncidentCorrectionRoutesOptions {
  repositories: CorrectionRepositories & { incidents: IncidentRepository };
}

/** Who made a correction, as stored with it: the key, never its secret. */
function madeBy(request: FastifyRequest): string {
  const key = request.apiKey!;
  return `api key ${key.id} (${key.name})`;
}

const errors = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

export const incidentCorrectionRoutes: FastifyPluginAsyncTypebox<IncidentCorrectionRoutesOptions> = async (app, { repositories }) => {
  const config = { auth: 'admin' as const };

  async function resultDto(result: CorrectionResult): Promise<CorrectionResultDto> {
    const incident = await repositories.incidents.get(result.incidentId);
    // Another correction or rethread may have committed in between: the correction stands, say so.
    if (!incident) throw new AppError('incidents.not_found', `the correction was stored (id ${result.correction}), but incident ${result.incidentId} is gone since`, { statusCode: 404 });
    return { correction: result.correction, events: result.events, incident: toIncidentDto(incident) };
  }

  app.post(
    '/incidents/:id/merge',
    {
      config,
      schema: {
        tags: ['incidents'],
        operationId: 'mergeIncident',
        summary: 'Merge this incident into another one of the same company (admin)',
        description:
          'A person’s correction, kept by every rethread and `incidents rebuild` (as `cyber8k incidents merge INTO ID` is): this incident’s filings join `into`, linked `linkedBy: user`; this incident is left without filings, `retracted`. Emits `incident.updated` for `into` and `incident.retracted` for this one. Needs an API key of scope `admin`.',
        params: IncidentParamsSchema,
        body: MergeInputSchema,
        response: { 200: CorrectionResultSchema, ...errors },
      },
    },
    async (request) => resultDto(await mergeIncidents(repositories, request.body.into, Number(request.params.id), madeBy(request))),
  );

  app.post(
    '/incidents/:id/split',
    {
      config,
      schema: {
        tags: ['incidents'],
        operationId: 'splitIncident',
        summary: 'Take a filing out of this incident into an incident of its own (admin)',
        description:
          'A person’s correction, kept by every rethread and `incidents rebuild` (as `cyber8k incidents split ID ACCESSION` is): the filing starts a new incident, linked `linkedBy: user`; filings that amend or cite it follow it there. Answers the new incident (201, `Location`). Emits `incident.created` for it and `incident.updated` for this one. Needs an API key of scope `admin`.',
        params: IncidentParamsSchema,
        body: SplitInputSchema,
        response: { 201: CorrectionResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const dto = await resultDto(await splitIncident(repositories, Number(request.params.id), request.body.accessionNumber, madeBy(request)));
      return reply.code(201).header('location', `/v1/incidents/${dto.incident.id}`).send(dto);
    },
  );
};

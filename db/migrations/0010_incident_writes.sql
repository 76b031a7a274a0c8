-- A rethread's read and write (db/repositories/incidents.ts loadForRethread, applyRethread) as
-- functions, so that PostgreSQL plans their statements once per session: planned at every
-- analysis, as one-off statements (PGlite has no named prepared statements), they took longer to
-- plan than to run. force_generic_plan: their costs do not depend on the plan's values (every
-- jsonb_to_recordset is estimated alike), so a custom plan would only be planned again.
-- Changing either statement is a migration of its own (CREATE OR REPLACE FUNCTION).
CREATE FUNCTION "cyber8k_apply_rethread"(plan jsonb, fan_out_kind text, fan_out_priority int, jobs_channel text) RETURNS int
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  written int;
  queued boolean;
BEGIN
  with p as (select plan as p),
  src as (select r.* from p, jsonb_to_recordset(p.p->'incidents') as r(id bigint, ord int, cik text, "companyName" text, title text, status text, "itemPath" text,
    items text[], "materialImpact" text, flags text[], "firstDisclosedAt" date, "lastFiledAt" date, "lastActivityAt" timestamptz, facts jsonb, "searchText" text)),
  ids as materialized (select ord, coalesce(id, nextval(pg_get_serial_sequence('incidents', 'id'))) as id, id is null as created from src),
  ins as (insert into incidents (id, cik, company_name, title, status, item_path, items, material_impact, flags, first_disclosed_at, last_filed_at, last_activity_at, facts, search_text)
    select ids.id, s.cik, s."companyName", s.title, s.status, s."itemPath", s.items, s."materialImpact", s.flags, s."firstDisclosedAt", s."lastFiledAt", s."lastActivityAt", s.facts, s."searchText"
    from src s join ids using (ord) where ids.created),
  -- The search vector (migration 0009) is generated from company_name, title and search_text,
  -- and recomputed (to_tsvector over up to 60 KB) by any UPDATE that assigns one of them, even
  -- to the value it has: so they are assigned only where one changed. Both UPDATEs read the
  -- same snapshot of the row, so exactly one of them takes each incident.
  retext as (update incidents i set company_name = s."companyName", title = s.title, status = s.status, item_path = s."itemPath", items = s.items,
      material_impact = s."materialImpact", flags = s.flags, first_disclosed_at = s."firstDisclosedAt", last_filed_at = s."lastFiledAt",
      last_activity_at = s."lastActivityAt", facts = s.facts, search_text = s."searchText", updated_at = now()
    from src s where s.id is not null and i.id = s.id
      and (i.company_name, i.title, i.search_text) is distinct from (s."companyName", s.title, s."searchText")),
  upd as (update incidents i set status = s.status, item_path = s."itemPath", items = s.items,
      material_impact = s."materialImpact", flags = s.flags, first_disclosed_at = s."firstDisclosedAt", last_filed_at = s."lastFiledAt",
      last_activity_at = s."lastActivityAt", facts = s.facts, updated_at = now()
    from src s where s.id is not null and i.id = s.id
      and (i.company_name, i.title, i.search_text) is not distinct from (s."companyName", s.title, s."searchText")),
  lnk as (select ids.id as incident_id, l."accessionNumber", l.facet, l.role, l.reason, l.confidence, l."linkedBy", l.position
    from p, jsonb_to_recordset(p.p->'links') as l(ord int, "accessionNumber" text, facet int, role text, reason text, confidence float8, "linkedBy" text, position int)
    join ids using (ord)),
  del as (delete from incident_filings f using (select (jsonb_array_elements_text(p.p->'touched'))::bigint as id from p) t
    where f.incident_id = t.id and not exists (select 1 from lnk where lnk.incident_id = f.incident_id and lnk."accessionNumber" = f.accession_number)),
  ups as (insert into incident_filings (incident_id, accession_number, facet, role, reason, confidence, linked_by, position)
    select incident_id, "accessionNumber", facet, role, reason, confidence, "linkedBy", position from lnk
    on conflict (incident_id, accession_number) do update set facet = excluded.facet, role = excluded.role, reason = excluded.reason,
      confidence = excluded.confidence, linked_by = excluded.linked_by, position = excluded.position),
  ev as (insert into events (type, incident_id, accession_number, analyzer_version, payload)
    select e.type, ids.id, e.accession_number, e.analyzer_version,
      case when e.incident_id is null then jsonb_set(e.payload, '{incident,id}', to_jsonb(ids.id)) else e.payload end
    from p, jsonb_to_recordset(p.p->'events') as e(incident_id bigint, ord int, type text, accession_number text, analyzer_version text, payload jsonb)
    join ids using (ord)
    on conflict do nothing returning id),
  -- Each event's alerts are fanned out by a job committed with it: none is lost, none doubled.
  jb as (insert into jobs (kind, key, priority) select fan_out_kind, ev.id::text, fan_out_priority from ev
    on conflict (kind, key) do nothing returning 1)
  SELECT (SELECT count(*) FROM ev)::int, EXISTS (SELECT 1 FROM jb) INTO written, queued;
  IF queued THEN
    PERFORM pg_notify(jobs_channel, fan_out_kind);
  END IF;
  RETURN written;
END
$$;
--> statement-breakpoint
-- What threading and the incident's facts read of an analysis: not its statements or item text.
CREATE FUNCTION "cyber8k_rethread_state"(ciks text[]) RETURNS TABLE (cik text, filings json, incidents json, corrections json)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  select c.cik,
    (select coalesce(json_agg(json_build_object(
        'accessionNumber', f.accession_number, 'cik', f.cik, 'companyName', f.company_name, 'form', f.form, 'items', f.items,
        'filedAt', f.filed_at, 'acceptedAt', f.accepted_at, 'analyzerVersion', f.analyzer_version, 'analysis', (select jsonb_build_object(
            'incident', a.incident, 'item', a.item, 'update', a.update, 'dates', a.dates, 'reportDate', a."reportDate", 'amendment', a.amendment,
            'references', coalesce(a."references", '[]'), 'incidentName', a."incidentName", 'incidents', coalesce(a.incidents, '[]'), 'cyd', a.cyd,
            'materialImpact', a."materialImpact", 'flags', a.flags, 'evidence', coalesce(a.evidence, '{}'))
          -- One read of the analysis (detoasted once), not one per key.
          from jsonb_to_record(f.analysis) as a(incident jsonb, item jsonb, update jsonb, dates jsonb, "reportDate" jsonb, amendment jsonb, "references" jsonb,
            "incidentName" jsonb, incidents jsonb, cyd jsonb, "materialImpact" jsonb, flags jsonb, evidence jsonb)))), '[]')
      from filings f where f.cik = c.cik and f.status = 'analyzed' and f.incident and f.analysis is not null) as filings,
    (select coalesce(json_agg(json_build_object(
        'id', i.id, 'companyName', i.company_name, 'status', i.status, 'facts', i.facts, 'searchText', i.search_text,
        'links', (select coalesce(json_agg(json_build_object('accessionNumber', l.accession_number, 'facet', l.facet, 'role', l.role, 'reason', l.reason,
            'confidence', l.confidence, 'linkedBy', l.linked_by, 'position', l.position) order by l.position), '[]')
          from incident_filings l where l.incident_id = i.id)) order by i.id), '[]')
      from incidents i where i.cik = c.cik) as incidents,
    (select coalesce(json_agg(json_build_object('id', k.id, 'kind', k.kind, 'accessionNumber', k.accession_number, 'facet', k.facet,
        'withAccessionNumber', k.with_accession_number, 'withFacet', k.with_facet) order by k.id), '[]')
      from incident_corrections k where k.cik = c.cik) as corrections
  from unnest(ciks) as c(cik);
END
$$;
--> statement-breakpoint
-- A rethread reads a company's analyzed incident filings: without this index the planner (PGlite
-- never analyzes) took every analyzed filing of filings_status_idx and kept the company's, so a
-- rebuild grew with the square of the filings.
CREATE INDEX "filings_incident_cik_idx" ON "filings" USING btree ("cik") WHERE "incident" AND "status" = 'analyzed';

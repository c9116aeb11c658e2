-- materialized: table
-- Events per party, month and region, by type. Month is null when the text does not fix it
-- (no date, or a year only); region is null when no place was linked; party is null for events
-- no party was attached to, so the rows add up to every event. `events` counts reports (one per
-- article that reports an event); `clusters` counts real-world events (one per cluster_id).
select
    e.party,
    e.event_month,
    e.region_code,
    r.name_fr as region_name_fr,
    r.name_ar as region_name_ar,
    count(*) as events,
    count(distinct e.cluster_id) as clusters,
    count(*) filter (where e.event_type = 'congress') as congresses,
    count(*) filter (where e.event_type = 'meeting') as meetings,
    count(*) filter (where e.event_type = 'general_assembly') as general_assemblies,
    count(*) filter (where e.event_type = 'public_election') as public_elections,
    count(*) filter (where e.event_type = 'statement') as statements,
    count(distinct e.article_id) as articles
from {{ ref('stg_events') }} as e
left join gazetteer as r on r.code = e.region_code and r.level = 'region'
group by all
order by party, e.event_month nulls last, e.region_code nulls last

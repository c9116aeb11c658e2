-- materialized: table
-- One row per event with its article, place names and participants ("name (role)", by
-- name) for reading events without joining four tables. Not sorted: sorting every event with
-- its evidence ran out of the warehouse's memory cap at 100k documents; order it when you read it.
with people as (
    select
        event_id,
        count(*) as participant_count,
        string_agg(person_name || coalesce(' (' || role || ')', ''), '; ' order by person_name) as participants
    from {{ ref('stg_event_participants') }}
    group by event_id
)
select
    e.event_id,
    e.event_type,
    e.event_date,
    e.date_precision,
    e.party,
    e.place_name,
    e.place_precision,
    e.commune_code,
    e.province_code,
    p.name_fr as province_name_fr,
    e.region_code,
    r.name_fr as region_name_fr,
    coalesce(people.participant_count, 0) as participant_count,
    people.participants,
    e.article_id,
    a.published_date,
    a.language,
    a.title,
    a.source_path,
    e.evidence
from {{ ref('stg_events') }} as e
left join {{ ref('stg_articles') }} as a on a.article_id = e.article_id
left join people on people.event_id = e.event_id
left join gazetteer as p on p.code = e.province_code and p.level = 'province'
left join gazetteer as r on r.code = e.region_code and r.level = 'region'

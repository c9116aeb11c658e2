-- materialized: table
-- Who held which role, when and where: one row per person, role, organization, party and
-- province, with the first and last day they were seen in it. "Seen" is the event's date,
-- or the article's publication date when the text does not date the event (`dated_by`
-- says which one decided first_seen).
with seen as (
    select
        p.person_name,
        p.role,
        p.organization,
        coalesce(p.party, e.party) as party,
        e.province_code,
        e.region_code,
        coalesce(e.event_date, a.published_date) as seen_on,
        case when e.event_date is not null then 'event' when a.published_date is not null then 'article' end
            as dated_by,
        e.event_id,
        e.article_id
    from {{ ref('stg_event_participants') }} as p
    join {{ ref('stg_events') }} as e on e.event_id = p.event_id
    left join {{ ref('stg_articles') }} as a on a.article_id = e.article_id
),
-- Counted in steps (per event, per article, per holder) rather than with count(distinct): plain
-- aggregates spill to disk past the warehouse's memory cap, distinct ones ran out of it at 100k
-- documents.
per_event as (
    select
        person_name, role, organization, party, province_code, region_code, article_id, event_id,
        min(seen_on) as first_seen,
        max(seen_on) as last_seen,
        arg_min(dated_by, (seen_on, dated_by <> 'event')) as dated_by
    from seen
    group by all
),
per_article as (
    select
        person_name, role, organization, party, province_code, region_code, article_id,
        min(first_seen) as first_seen,
        max(last_seen) as last_seen,
        arg_min(dated_by, (first_seen, dated_by <> 'event')) as dated_by,
        count(*) as events
    from per_event
    group by all
)
select
    s.person_name,
    s.role,
    s.organization,
    s.party,
    s.province_code,
    pr.name_fr as province_name_fr,
    pr.name_ar as province_name_ar,
    s.region_code,
    min(s.first_seen) as first_seen,
    max(s.last_seen) as last_seen,
    arg_min(s.dated_by, (s.first_seen, s.dated_by <> 'event')) as dated_by,
    sum(s.events) as events,
    count(*) as articles
from per_article as s
left join gazetteer as pr on pr.code = s.province_code and pr.level = 'province'
group by all
order by s.person_name, first_seen nulls last

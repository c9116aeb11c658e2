-- materialized: table
-- One row per real-world event (cluster_id): the reports of it across articles, outlets and
-- languages, with the most precise date and place any report gives. `event_date` is null when no
-- report dates the event; `date_or_published` falls back to the earliest publication date of its
-- articles, and `date_or_published_from` says which one it is. The place and the party are the
-- earliest report's that gives one (then the smallest event id), so every place column comes from one
-- report and a rebuild gives the same rows.
with reports as (
    select
        e.*,
        a.source,
        a.language,
        a.ingested_at,
        a.published_date,
        case e.date_precision when 'day' then 0 when 'month' then 1 when 'year' then 2 else 3 end
            as date_rank,
        case when e.commune_code is not null then 0 when e.province_code is not null then 1
             when e.region_code is not null then 2 else 3 end as place_rank
    from {{ ref('stg_events') }} as e
    left join {{ ref('stg_articles') }} as a on a.article_id = e.article_id
),
clusters as (
    select
        cluster_id,
        arg_min(event_id, (ingest_date, event_id)) as event_id,
        min(event_type) as event_type,
        arg_min(event_date, (date_rank, event_date)) as event_date,
        arg_min(date_precision, (date_rank, event_date)) as date_precision,
        arg_min(party, (ingest_date, event_id)) as party,
        arg_min(place_name, (place_rank, ingest_date, event_id)) as place_name,
        arg_min(commune_code, (place_rank, ingest_date, event_id)) as commune_code,
        arg_min(province_code, (place_rank, ingest_date, event_id)) as province_code,
        arg_min(region_code, (place_rank, ingest_date, event_id)) as region_code,
        count(*) as n_reports,
        count(distinct article_id) as n_articles,
        count(distinct source) as n_sources,
        string_agg(distinct language, ',' order by language) as languages,
        min(ingested_at) as first_seen,
        min(published_date) as first_published
    from reports
    where cluster_id is not null
    group by cluster_id
)
select
    cluster_id,
    event_type,
    event_date,
    date_precision,
    coalesce(event_date, first_published) as date_or_published,
    case when event_date is not null then 'event' when first_published is not null then 'published' end
        as date_or_published_from,
    party,
    place_name,
    commune_code,
    province_code,
    region_code,
    n_reports,
    n_articles,
    n_sources,
    languages,
    first_seen,
    first_published,
    event_id
from clusters
order by date_or_published nulls last, cluster_id

-- materialized: table
-- How much of the corpus has dated events, per language and overall (language 'all'):
-- articles with any event, with a dated event, and events by date precision.
with per_article as (
    select
        a.article_id,
        a.language,
        count(e.event_id) as events,
        count(e.event_date) as dated_events,
        count(*) filter (where e.date_precision = 'day') as day_events,
        count(*) filter (where e.date_precision = 'month') as month_events,
        count(*) filter (where e.date_precision = 'year') as year_events
    from {{ ref('stg_articles') }} as a
    left join {{ ref('stg_events') }} as e on e.article_id = a.article_id
    group by a.article_id, a.language
)
select
    coalesce(language, 'all') as language,
    count(*) as articles,
    count(*) filter (where events > 0) as articles_with_events,
    count(*) filter (where dated_events > 0) as articles_with_dated_events,
    round(count(*) filter (where dated_events > 0) / nullif(count(*), 0), 3) as share_articles_dated,
    sum(events)::bigint as events,
    sum(dated_events)::bigint as dated_events,
    round(sum(dated_events) / nullif(sum(events), 0), 3) as share_events_dated,
    sum(day_events)::bigint as day_precision,
    sum(month_events)::bigint as month_precision,
    sum(year_events)::bigint as year_precision
from per_article
group by rollup (language)
order by grouping(language), language
